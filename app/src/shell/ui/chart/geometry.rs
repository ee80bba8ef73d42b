//! The arithmetic of the charts: pure functions from values to SVG
//! coordinates, safe with no values, zeros, huge numbers and negatives
//! (drawn as zero).

use std::f64::consts::TAU;

/// The donut's centre and radius in its `0 0 100 100` view box.
pub const DONUT_CENTRE: f64 = 50.0;
pub const DONUT_RADIUS: f64 = 40.0;

/// A coordinate as written in SVG: at most two decimals, no trailing
/// zeros, never `-0`, `0` for what is not a finite number.
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    text.to_owned()
}

/// The length `value` takes when `max` takes `height`: clamped to
/// `0..=height`, 0 when `max` is 0 or less.
pub fn scale(value: i64, max: i64, height: f64) -> f64 {
    if max <= 0 || value <= 0 {
        return 0.0;
    }
    (value as f64 / max as f64).min(1.0) * height
}

/// The largest value, 0 when there is none above zero.
pub fn top(values: &[i64]) -> i64 {
    values.iter().copied().max().unwrap_or(0).max(0)
}

/// One bar per value, as (x, y, width, height): each value gets an equal
/// slot of `width`, its bar centred in it with `gap` left over; bars stand
/// on the bottom edge and the largest reaches the top.
pub fn bar_rects(values: &[i64], width: f64, height: f64, gap: f64) -> Vec<(f64, f64, f64, f64)> {
    if values.is_empty() {
        return Vec::new();
    }
    let max = top(values);
    let slot = width / values.len() as f64;
    let gap = gap.clamp(0.0, slot);
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let h = scale(*value, max, height);
            (i as f64 * slot + gap / 2.0, height - h, slot - gap, h)
        })
        .collect()
}

/// The x of each of `n` points spread over `width`, ends included; a
/// single point sits in the middle.
pub fn xs(n: usize, width: f64) -> Vec<f64> {
    match n {
        0 => Vec::new(),
        1 => vec![width / 2.0],
        n => (0..n).map(|i| i as f64 * width / (n - 1) as f64).collect(),
    }
}

/// The points of a line through `values` (a polyline's `points`), the
/// largest at the top; one value is drawn as a level line across.
pub fn line_points(values: &[i64], width: f64, height: f64) -> String {
    let max = top(values);
    let y = |value: i64| height - scale(value, max, height);
    match values {
        [] => String::new(),
        [only] => format!(
            "0,{level} {w},{level}",
            level = num(y(*only)),
            w = num(width)
        ),
        _ => xs(values.len(), width)
            .into_iter()
            .zip(values)
            .map(|(x, value)| format!("{},{}", num(x), num(y(*value))))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The area under [`line_points`], down to the bottom edge (a polygon's
/// `points`); empty with no values.
pub fn area_points(values: &[i64], width: f64, height: f64) -> String {
    let line = line_points(values, width, height);
    if line.is_empty() {
        return line;
    }
    format!("{line} {w},{h} 0,{h}", w = num(width), h = num(height))
}

/// `value` as a whole percentage of `total`, rounded half up; 0 when the
/// total is 0 or less.
pub fn percent(value: i64, total: i64) -> i64 {
    if total <= 0 {
        return 0;
    }
    let (value, total) = (i128::from(value.clamp(0, total)), i128::from(total));
    ((value * 200 + total) / (2 * total)) as i64
}

/// Every `step`-th of `n` labels is shown, so that those shown fit side
/// by side under a chart: at most twelve short ones, fewer long ones
/// (`longest` characters, each about five and a half units wide at the
/// labels' size, with some room between).
pub fn label_step(n: usize, longest: usize) -> usize {
    let fit = (320 / (longest * 5 + 8)).clamp(2, 12);
    n.div_ceil(fit).max(1)
}

/// The point of the donut's circle a `fraction` of the way round,
/// clockwise from the top.
fn on_circle(fraction: f64) -> (String, String) {
    let angle = fraction * TAU;
    (
        num(DONUT_CENTRE + DONUT_RADIUS * angle.sin()),
        num(DONUT_CENTRE - DONUT_RADIUS * angle.cos()),
    )
}

/// The arc of each value's share of the donut (a path's `d`, drawn with a
/// wide stroke), clockwise from the top. A value of 0 (or less), and every
/// value when the total is 0, gets an empty path; a single slice of the
/// whole is a full circle in two halves.
pub fn donut_arcs(values: &[i64]) -> Vec<String> {
    let total: f64 = values.iter().map(|v| (*v).max(0) as f64).sum();
    let r = num(DONUT_RADIUS);
    let mut start = 0.0;
    values
        .iter()
        .map(|value| {
            let value = (*value).max(0) as f64;
            if value <= 0.0 || total <= 0.0 {
                return String::new();
            }
            let share = value / total;
            let end = start + share;
            let (x0, y0) = on_circle(start);
            start = end;
            if share >= 0.9999 {
                let (xb, yb) = on_circle(0.5);
                return format!("M {x0} {y0} A {r} {r} 0 1 1 {xb} {yb} A {r} {r} 0 1 1 {x0} {y0}");
            }
            let (x1, y1) = on_circle(end);
            let large = u8::from(share > 0.5);
            format!("M {x0} {y0} A {r} {r} 0 {large} 1 {x1} {y1}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_short_coordinates() {
        assert_eq!(num(100.0), "100");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(0.0), "0");
    }

    #[test]
    fn scales_within_the_height() {
        assert_eq!(scale(5, 10, 100.0), 50.0);
        assert_eq!(scale(20, 10, 100.0), 100.0);
        assert_eq!(scale(-3, 10, 100.0), 0.0);
        assert_eq!(scale(5, 0, 100.0), 0.0);
        assert_eq!(scale(0, 0, 100.0), 0.0);
        assert_eq!(scale(i64::MAX, i64::MAX, 10.0), 10.0);
        assert_eq!((top(&[]), top(&[-3]), top(&[2, 9, -1])), (0, 0, 9));
    }

    #[test]
    fn bars_share_the_width_and_stand_on_the_bottom() {
        assert_eq!(
            bar_rects(&[1, 2], 100.0, 50.0, 10.0),
            [(5.0, 25.0, 40.0, 25.0), (55.0, 0.0, 40.0, 50.0)]
        );
        assert!(bar_rects(&[], 100.0, 50.0, 10.0).is_empty());
        assert_eq!(
            bar_rects(&[0, 0], 100.0, 50.0, 0.0),
            [(0.0, 50.0, 50.0, 0.0), (50.0, 50.0, 50.0, 0.0)]
        );
        assert_eq!(
            bar_rects(&[-4, 4], 100.0, 50.0, 0.0)[0],
            (0.0, 50.0, 50.0, 0.0)
        );
        // A gap wider than the slot leaves zero-width bars, not negative.
        assert_eq!(bar_rects(&[3], 10.0, 50.0, 99.0), [(5.0, 0.0, 0.0, 50.0)]);
    }

    #[test]
    fn lines_run_through_the_values() {
        assert_eq!(line_points(&[0, 10, 5], 100.0, 50.0), "0,50 50,0 100,25");
        assert_eq!(line_points(&[], 100.0, 50.0), "");
        assert_eq!(line_points(&[7], 100.0, 50.0), "0,0 100,0");
        assert_eq!(line_points(&[0, 0], 100.0, 50.0), "0,50 100,50");
        assert_eq!(area_points(&[0, 10], 100.0, 50.0), "0,50 100,0 100,50 0,50");
        assert_eq!(area_points(&[], 100.0, 50.0), "");
        assert_eq!(xs(3, 10.0), [0.0, 5.0, 10.0]);
        assert_eq!(xs(1, 10.0), [5.0]);
    }

    #[test]
    fn percentages_round_and_survive_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 2), 50);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, -1), 0);
        assert_eq!(percent(-5, 10), 0);
        assert_eq!(percent(i64::MAX, i64::MAX), 100);
    }

    #[test]
    fn labels_thin_out_past_twelve_or_when_long() {
        assert_eq!(label_step(0, 3), 1);
        assert_eq!(label_step(12, 3), 1);
        assert_eq!(label_step(13, 3), 2);
        assert_eq!(label_step(36, 3), 3);
        // Thirty days as 2026-12-05: five of them fit.
        assert_eq!(label_step(30, 10), 6);
        assert_eq!(label_step(3, 10), 1);
    }

    #[test]
    fn donut_slices_go_round_clockwise_from_the_top_and_survive_zero() {
        assert_eq!(
            donut_arcs(&[1, 1]),
            ["M 50 10 A 40 40 0 0 1 50 90", "M 50 90 A 40 40 0 0 1 50 10"]
        );
        assert_eq!(
            donut_arcs(&[3, 1]),
            ["M 50 10 A 40 40 0 1 1 10 50", "M 10 50 A 40 40 0 0 1 50 10"]
        );
        // A single slice of the whole; zero slices and a zero total.
        assert_eq!(
            donut_arcs(&[0, 5]),
            ["", "M 50 10 A 40 40 0 1 1 50 90 A 40 40 0 1 1 50 10"]
        );
        assert_eq!(donut_arcs(&[0, 0]), ["", ""]);
        assert_eq!(donut_arcs(&[-2, 0]), ["", ""]);
        assert!(donut_arcs(&[]).is_empty());
    }
}
