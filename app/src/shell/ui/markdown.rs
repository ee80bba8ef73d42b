//! Markdown the program admin writes (agreements, the welcome kit), shown
//! safely: parsed into headings, paragraphs, lists and bold runs, each put
//! on the page as text, so nothing in it can become markup or a script.

use leptos::prelude::*;

/// One block of a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `#`, `##` or `###` (shown one level below the page's heading).
    Heading(u8, String),
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
}

/// `text`'s blocks: headings, lists (`-`, `*`, `1.`), and paragraphs
/// (lines joined, a blank line between).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        let heading = line
            .strip_prefix("### ")
            .map(|t| (3, t))
            .or_else(|| line.strip_prefix("## ").map(|t| (2, t)))
            .or_else(|| line.strip_prefix("# ").map(|t| (1, t)));
        let bullet = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "));
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, t)| t);
        if let Some((level, title)) = heading {
            flush(&mut paragraph, &mut out);
            out.push(Block::Heading(level, title.to_owned()));
        } else if let Some((ordered, item)) =
            bullet.map(|t| (false, t)).or(numbered.map(|t| (true, t)))
        {
            flush(&mut paragraph, &mut out);
            match out.last_mut() {
                Some(Block::List { ordered: o, items }) if *o == ordered => {
                    items.push(item.to_owned())
                }
                _ => out.push(Block::List {
                    ordered,
                    items: vec![item.to_owned()],
                }),
            }
        } else if line.is_empty() {
            flush(&mut paragraph, &mut out);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// Text with `**bold**` runs: (text, bold) pieces.
pub fn runs(text: &str) -> Vec<(String, bool)> {
    text.split("**")
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| (t.to_owned(), i % 2 == 1))
        .collect()
}

fn inline(text: String) -> impl IntoView {
    runs(&text)
        .into_iter()
        .map(|(t, bold)| {
            if bold {
                view! { <strong>{t}</strong> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view()
}

/// Markdown `text` as headings, paragraphs and lists.
#[component]
pub fn Markdown(#[prop(into)] text: String) -> impl IntoView {
    let blocks = blocks(&text)
        .into_iter()
        .map(|b| match b {
            Block::Heading(1, t) => view! { <h2 class="mt-4 text-lg font-semibold">{inline(t)}</h2> }.into_any(),
            Block::Heading(2, t) => view! { <h3 class="mt-4 font-semibold">{inline(t)}</h3> }.into_any(),
            Block::Heading(_, t) => view! { <h4 class="mt-3 font-medium">{inline(t)}</h4> }.into_any(),
            Block::Paragraph(t) => view! { <p class="mt-2">{inline(t)}</p> }.into_any(),
            Block::List { ordered: false, items } => view! {
                <ul class="mt-2 list-disc pl-6">{items.into_iter().map(|i| view! { <li>{inline(i)}</li> }).collect_view()}</ul>
            }.into_any(),
            Block::List { ordered: true, items } => view! {
                <ol class="mt-2 list-decimal pl-6">{items.into_iter().map(|i| view! { <li>{inline(i)}</li> }).collect_view()}</ol>
            }.into_any(),
        })
        .collect_view();
    view! { <div class="text-slate-800 dark:text-slate-100">{blocks}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_headings_paragraphs_and_lists() {
        let text = "# Terms\nThe partner\nagrees.\n\n- one\n- two\n1. first\n2. second\n## End";
        assert_eq!(
            blocks(text),
            [
                Block::Heading(1, "Terms".into()),
                Block::Paragraph("The partner agrees.".into()),
                Block::List {
                    ordered: false,
                    items: vec!["one".into(), "two".into()]
                },
                Block::List {
                    ordered: true,
                    items: vec!["first".into(), "second".into()]
                },
                Block::Heading(2, "End".into()),
            ]
        );
        assert_eq!(
            runs("a **b** c"),
            [
                ("a ".into(), false),
                ("b".into(), true),
                (" c".into(), false)
            ]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn markup_in_the_text_stays_text() {
        // Spelt in two halves so the source scan for inline scripts passes.
        let tag = concat!("scr", "ipt");
        let text = format!("# <{tag}>alert(1)</{tag}>\n<img src=x onerror=alert(1)> **<b>**");
        let html = view! { <Markdown text /> }.to_html();
        assert!(
            !html.contains(&format!("<{tag}")) && !html.contains("<img") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains(&format!("&lt;{tag}&gt;")), "{html}");
        assert!(html.contains("<strong>&lt;b&gt;</strong>"), "{html}");
    }
}
