//! The "next best course" for a person: the next step on a path they are
//! enrolled in comes first; otherwise the course most often passed by
//! people of their job function at the program's top partners. The
//! reason travels with the suggestion, so the page can say why.

use serde::{Deserialize, Serialize};

/// Why a course is suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextReason {
    /// It is the next course to pass on path `path`.
    NextOnPath { path: String },
    /// `passed` of the `peers` people with the person's job function at
    /// the partners in tier `tier` (the program's top) have passed it.
    PeersPassed {
        passed: i64,
        peers: i64,
        tier: String,
    },
}

/// A course not yet passed by the person, and what speaks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub course_id: String,
    /// The title of the first of the person's paths (in their order) on
    /// which this is the next course to pass.
    pub next_on_path: Option<String>,
    /// How many peers at the top partners passed it.
    pub peers_passed: i64,
}

/// The top partners' peers: how many there are, and their tier's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peers {
    pub count: i64,
    pub tier: String,
}

/// The suggestion among `candidates` (in catalogue order): a path's next
/// step first (the first path wins), else the course most peers passed
/// (the earlier on a tie), else none: a course no peer passed is no
/// better than any other, and the catalogue already lists them.
pub fn suggest(candidates: &[Candidate], peers: &Peers) -> Option<(String, NextReason)> {
    if let Some((c, path)) = candidates
        .iter()
        .find_map(|c| c.next_on_path.as_ref().map(|p| (c, p)))
    {
        return Some((
            c.course_id.clone(),
            NextReason::NextOnPath { path: path.clone() },
        ));
    }
    let best =
        candidates
            .iter()
            .filter(|c| c.peers_passed > 0)
            .fold(None::<&Candidate>, |best, c| match best {
                Some(b) if b.peers_passed >= c.peers_passed => Some(b),
                _ => Some(c),
            })?;
    Some((
        best.course_id.clone(),
        NextReason::PeersPassed {
            passed: best.peers_passed,
            peers: peers.count,
            tier: peers.tier.clone(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, path: Option<&str>, peers: i64) -> Candidate {
        Candidate {
            course_id: id.into(),
            next_on_path: path.map(Into::into),
            peers_passed: peers,
        }
    }

    fn peers() -> Peers {
        Peers {
            count: 5,
            tier: "Platinum".into(),
        }
    }

    #[test]
    fn a_path_step_beats_what_peers_passed() {
        let list = [
            candidate("popular", None, 5),
            candidate("step", Some("Sales Certified"), 0),
            candidate("later", Some("Technical Certified"), 1),
        ];
        assert_eq!(
            suggest(&list, &peers()),
            Some((
                "step".into(),
                NextReason::NextOnPath {
                    path: "Sales Certified".into()
                }
            ))
        );
    }

    #[test]
    fn without_a_path_step_the_course_most_peers_passed_with_the_count() {
        let list = [
            candidate("a", None, 2),
            candidate("b", None, 4),
            candidate("c", None, 4),
        ];
        assert_eq!(
            suggest(&list, &peers()),
            Some((
                "b".into(),
                NextReason::PeersPassed {
                    passed: 4,
                    peers: 5,
                    tier: "Platinum".into()
                }
            ))
        );
    }

    #[test]
    fn nothing_speaks_for_a_course_no_peer_passed() {
        assert_eq!(suggest(&[candidate("a", None, 0)], &peers()), None);
        assert_eq!(suggest(&[], &peers()), None);
    }
}
