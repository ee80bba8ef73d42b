//! Quiz rules: which questions an attempt draws from the pool, and how
//! answers are scored. The key (which choices are correct) lives only on
//! the server; these rules run there.

use std::collections::BTreeSet;

/// A question as the server knows it: its choices and which are correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedQuestion {
    pub id: String,
    /// Ids of every choice, in the order shown.
    pub choices: Vec<String>,
    /// Ids of the correct choices (one for a single-choice question).
    pub correct: BTreeSet<String>,
}

/// How an attempt went: per question (in the order asked) whether it was
/// answered correctly, and the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub right: Vec<bool>,
    /// Whole percent, rounded down: 2 of 3 is 66.
    pub percent: i64,
    pub passed: bool,
}

/// Scores `answers` (per question, the choice ids picked) against the key.
/// A question counts only when exactly its correct choices are picked:
/// one wrong tick or one missed tick of a multiple-choice question loses
/// it. Picks that are not choices of the question count as wrong.
pub fn mark(questions: &[KeyedQuestion], answers: &[BTreeSet<String>], pass_mark: i64) -> Marked {
    let right: Vec<bool> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| answers.get(i).is_some_and(|picked| *picked == q.correct))
        .collect();
    let total = i64::try_from(questions.len()).unwrap_or(i64::MAX);
    let correct = i64::try_from(right.iter().filter(|r| **r).count()).unwrap_or(0);
    let percent = if total == 0 { 0 } else { correct * 100 / total };
    Marked {
        right,
        percent,
        passed: total > 0 && percent >= pass_mark,
    }
}

/// Draws `count` question ids from `pool` in an order fixed by `seed`
/// (a Fisher–Yates shuffle driven by xorshift), so an attempt stores its
/// seed and draws the same questions again when it is marked.
pub fn draw(pool: &[String], count: usize, seed: u64) -> Vec<String> {
    let mut order: Vec<String> = pool.to_vec();
    let mut state = seed | 1;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = usize::try_from(state % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    order.truncate(count);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, choices: &[&str], correct: &[&str]) -> KeyedQuestion {
        KeyedQuestion {
            id: id.into(),
            choices: choices.iter().map(|c| (*c).to_owned()).collect(),
            correct: correct.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    fn picked(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn a_question_counts_only_with_exactly_its_correct_choices() {
        let quiz = [
            question("q1", &["a", "b", "c"], &["b"]),
            question("q2", &["d", "e", "f"], &["d", "f"]),
            question("q3", &["g", "h"], &["g"]),
        ];
        let all_right = [picked(&["b"]), picked(&["f", "d"]), picked(&["g"])];
        let marked = mark(&quiz, &all_right, 80);
        assert_eq!(marked.right, vec![true, true, true]);
        assert_eq!((marked.percent, marked.passed), (100, true));
        // One extra tick, one missed tick, a choice from another question.
        let sloppy = [picked(&["b", "c"]), picked(&["d"]), picked(&["b"])];
        assert_eq!(mark(&quiz, &sloppy, 80).right, vec![false, false, false]);
        // Two of three is 66 %, under a pass mark of 70, at a pass mark of 66.
        let two = [picked(&["b"]), picked(&["d", "f"]), picked(&[])];
        assert_eq!(mark(&quiz, &two, 70).percent, 66);
        assert!(!mark(&quiz, &two, 70).passed);
        assert!(mark(&quiz, &two, 66).passed);
        // Fewer answers than questions: the missing ones are wrong.
        assert_eq!(
            mark(&quiz, &[picked(&["b"])], 30).right,
            vec![true, false, false]
        );
        // An empty quiz passes no one.
        assert!(!mark(&[], &[], 0).passed);
    }

    #[test]
    fn a_draw_is_a_repeatable_subset_in_a_seeded_order() {
        let pool: Vec<String> = (0..10).map(|i| format!("q{i}")).collect();
        let first = draw(&pool, 5, 42);
        assert_eq!(first.len(), 5);
        assert_eq!(first, draw(&pool, 5, 42));
        let unique: BTreeSet<&String> = first.iter().collect();
        assert_eq!(unique.len(), 5);
        assert!(first.iter().all(|q| pool.contains(q)));
        // Other seeds give other orders; asking for more than the pool
        // gives the whole pool.
        assert!((1..20).any(|seed| draw(&pool, 5, seed) != first));
        assert_eq!(draw(&pool, 99, 7).len(), 10);
    }
}
