//! What a campaign says: structured blocks (never raw HTML), the
//! placeholders they may hold, and which blocks a partner may reword.
//! Shared by the browser (the live preview) and the server.

use serde::{Deserialize, Serialize};

/// The longest text a block may hold, in characters.
pub const MAX_TEXT: usize = 4_000;
/// The longest heading, button label, subject or caption.
pub const MAX_LINE: usize = 200;
/// The most blocks an email or a landing page may have.
pub const MAX_BLOCKS: usize = 40;

/// One piece of an email or a landing page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading {
        text: String,
    },
    /// Paragraphs split by a blank line; a single line break is kept.
    Text {
        text: String,
    },
    /// `src` an absolute http(s) address or `{partner.logo}`.
    Image {
        src: String,
        alt: String,
    },
    /// `href` an http(s) or mailto address, or `{link}`.
    Button {
        label: String,
        href: String,
    },
    /// Two columns of simple blocks (no columns inside columns).
    Columns {
        left: Vec<Block>,
        right: Vec<Block>,
    },
    Quote {
        text: String,
        by: String,
    },
}

impl Block {
    /// The text a partner may reword in this block, if any: headings,
    /// text, quotes and button labels.
    pub fn wording(&self) -> Option<&str> {
        match self {
            Block::Heading { text } | Block::Text { text } | Block::Quote { text, .. } => {
                Some(text)
            }
            Block::Button { label, .. } => Some(label),
            Block::Image { .. } | Block::Columns { .. } => None,
        }
    }

    /// This block reworded as `wording` (blocks without wording unchanged).
    pub fn reworded(&self, wording: &str) -> Block {
        let wording = wording.to_owned();
        match self.clone() {
            Block::Heading { .. } => Block::Heading { text: wording },
            Block::Text { .. } => Block::Text { text: wording },
            Block::Quote { by, .. } => Block::Quote { text: wording, by },
            Block::Button { href, .. } => Block::Button {
                label: wording,
                href,
            },
            other => other,
        }
    }

    /// This block's kind, as its JSON names it (`heading`, `columns`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Text { .. } => "text",
            Block::Image { .. } => "image",
            Block::Button { .. } => "button",
            Block::Columns { .. } => "columns",
            Block::Quote { .. } => "quote",
        }
    }

    /// The longest wording this block's kind takes.
    pub fn wording_limit(&self) -> usize {
        match self {
            Block::Text { .. } | Block::Quote { .. } => MAX_TEXT,
            _ => MAX_LINE,
        }
    }
}

/// A block and whether partners may reword it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub block: Block,
    #[serde(default)]
    pub editable: bool,
}

/// A social post: its text (placeholders allowed) for one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialPost {
    pub network: Network,
    pub text: String,
}

crate::values::text_enum!(
    /// Where a social post goes; each has its own length limit.
    Network {
        LinkedIn => "linkedin", "LinkedIn";
        X => "x", "X";
    }
);

impl Network {
    /// The most characters a post may have there.
    pub fn limit(self) -> usize {
        match self {
            Network::LinkedIn => 3_000,
            Network::X => 280,
        }
    }

    /// The address that opens the network's own "share" form with `text`
    /// (LinkedIn takes only the link; the partner pastes the words).
    pub fn share_url(self, text: &str, link: &str) -> String {
        let query = |key: &str, value: &str| {
            form_urlencoded::Serializer::new(String::new())
                .append_pair(key, value)
                .finish()
        };
        match self {
            Network::LinkedIn => format!(
                "https://www.linkedin.com/sharing/share-offsite/?{}",
                query("url", link)
            ),
            Network::X => format!("https://twitter.com/intent/tweet?{}", query("text", text)),
        }
    }
}

/// Everything a template (or a launched campaign) says. Any part may be
/// empty: a template without an email has no email blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// The email's subject; placeholders allowed.
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub email: Vec<Slot>,
    /// The landing page's title; placeholders allowed.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub page: Vec<Slot>,
    #[serde(default)]
    pub social: Vec<SocialPost>,
}

/// Which part of a campaign: the email or the landing page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Email,
    Page,
}

impl Content {
    pub fn has_email(&self) -> bool {
        !self.email.is_empty()
    }

    pub fn has_page(&self) -> bool {
        !self.page.is_empty()
    }

    pub fn slots(&self, part: Part) -> &[Slot] {
        match part {
            Part::Email => &self.email,
            Part::Page => &self.page,
        }
    }

    /// The blocks partners may reword, as (part, index), in the order the
    /// launch form lists them.
    pub fn editable(&self) -> Vec<(Part, usize)> {
        [Part::Email, Part::Page]
            .into_iter()
            .flat_map(|part| {
                self.slots(part)
                    .iter()
                    .enumerate()
                    .filter(|(_, slot)| slot.editable && slot.block.wording().is_some())
                    .map(move |(i, _)| (part, i))
            })
            .collect()
    }

    /// This content with the partner's wording, one text per
    /// [`Content::editable`] block in that order (missing ones unchanged).
    /// `Err` names the first wording that is empty or too long.
    pub fn with_wording(&self, wording: &[String]) -> Result<Content, (Part, usize)> {
        let mut out = self.clone();
        for ((part, i), text) in self.editable().into_iter().zip(wording) {
            let slots = match part {
                Part::Email => &mut out.email,
                Part::Page => &mut out.page,
            };
            let slot = &mut slots[i];
            let text = text.trim();
            if text.is_empty() || text.chars().count() > slot.block.wording_limit() {
                return Err((part, i));
            }
            slot.block = slot.block.reworded(text);
        }
        Ok(out)
    }
}

/// The placeholders a template may use, and what they stand for.
pub const PLACEHOLDERS: &[&str] = &[
    "{partner.name}",
    "{partner.contact}",
    "{partner.email}",
    "{partner.phone}",
    "{partner.website}",
    "{partner.logo}",
    "{link}",
];

#[cfg(test)]
mod tests {
    #[test]
    fn share_links_carry_the_post_as_one_encoded_value() {
        let text = "Hi <b>\"x\"</b> & more: https://p.example/c/a/b?x=1#y";
        let x = Network::X.share_url(text, "https://p.example/c/a/b");
        let value = x
            .strip_prefix("https://twitter.com/intent/tweet?text=")
            .unwrap();
        assert!(value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "*._+%-".contains(c)));
        assert_eq!(
            form_urlencoded::parse(x.split_once('?').unwrap().1.as_bytes())
                .next()
                .map(|(_, v)| v.into_owned()),
            Some(text.to_owned())
        );
        assert_eq!(
            Network::LinkedIn.share_url(text, "https://p.example/c/a/b?x=1"),
            "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fp.example%2Fc%2Fa%2Fb%3Fx%3D1"
        );
    }

    use super::*;

    fn content() -> Content {
        Content {
            subject: "Hello".into(),
            email: vec![
                Slot {
                    block: Block::Heading { text: "Hi".into() },
                    editable: true,
                },
                Slot {
                    block: Block::Image {
                        src: "{partner.logo}".into(),
                        alt: "".into(),
                    },
                    editable: true,
                },
            ],
            title: "Page".into(),
            page: vec![
                Slot {
                    block: Block::Text {
                        text: "Body".into(),
                    },
                    editable: false,
                },
                Slot {
                    block: Block::Button {
                        label: "Go".into(),
                        href: "{link}".into(),
                    },
                    editable: true,
                },
            ],
            social: vec![],
        }
    }

    #[test]
    fn only_editable_blocks_with_wording_can_be_reworded() {
        let c = content();
        assert_eq!(c.editable(), vec![(Part::Email, 0), (Part::Page, 1)]);
        let changed = c
            .with_wording(&["Welcome".into(), "Book a call".into()])
            .unwrap();
        assert_eq!(
            changed.email[0].block,
            Block::Heading {
                text: "Welcome".into()
            }
        );
        assert_eq!(
            changed.page[1].block,
            Block::Button {
                label: "Book a call".into(),
                href: "{link}".into()
            }
        );
        assert_eq!(changed.page[0], c.page[0]);
    }

    #[test]
    fn empty_or_long_wording_is_refused() {
        let c = content();
        assert_eq!(c.with_wording(&[" ".into()]), Err((Part::Email, 0)));
        let long = "x".repeat(MAX_LINE + 1);
        assert_eq!(c.with_wording(&["ok".into(), long]), Err((Part::Page, 1)));
    }

    #[test]
    fn a_blocks_kind_is_its_json_tag() {
        let c = content();
        for slot in c.email.iter().chain(&c.page) {
            let json = serde_json::to_value(&slot.block).unwrap();
            assert_eq!(json["kind"], slot.block.kind());
        }
    }

    #[test]
    fn content_reads_back_what_it_wrote() {
        let c = content();
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""kind":"heading""#));
        assert_eq!(serde_json::from_str::<Content>(&json).unwrap(), c);
    }
}
