//! Preflight: what would break a campaign, found before a template is
//! published or a campaign launched, so the button can say what is missing
//! instead of a send failing later.

use serde::{Deserialize, Serialize};

use super::{
    content::{Block, Content, Part, PLACEHOLDERS},
    render::{safe_url, Brand, Medium, Renderer},
};
use crate::i18n::Locale;

/// One thing to fix, and whether it stops a launch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub message: String,
    /// Stops publishing or launching (a warning otherwise).
    pub blocking: bool,
}

/// Every text and address of `blocks`, with whether it is an address.
fn texts(blocks: &[Block], out: &mut Vec<(String, bool)>) {
    for block in blocks {
        match block {
            Block::Heading { text } | Block::Text { text } => out.push((text.clone(), false)),
            Block::Quote { text, by } => {
                out.push((text.clone(), false));
                out.push((by.clone(), false));
            }
            Block::Image { src, alt } => {
                out.push((src.clone(), true));
                out.push((alt.clone(), false));
            }
            Block::Button { label, href } => {
                out.push((label.clone(), false));
                out.push((href.clone(), true));
            }
            Block::Columns { left, right } => {
                texts(left, out);
                texts(right, out);
            }
        }
    }
}

fn all_texts(content: &Content) -> Vec<(String, bool)> {
    let mut out = vec![
        (content.subject.clone(), false),
        (content.title.clone(), false),
    ];
    for part in [Part::Email, Part::Page] {
        let blocks: Vec<Block> = content
            .slots(part)
            .iter()
            .map(|s| s.block.clone())
            .collect();
        texts(&blocks, &mut out);
    }
    out.extend(content.social.iter().map(|p| (p.text.clone(), false)));
    out
}

/// The `{…}` names in `text`.
fn placeholders_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        match rest[start..].find('}') {
            Some(end) => {
                found.push(&rest[start..start + end + 1]);
                rest = &rest[start + end + 1..];
            }
            None => break,
        }
    }
    found
}

/// The heaviest image a campaign should carry (every email client and
/// phone loads each one): 1 MB.
pub const MAX_IMAGE_BYTES: i64 = 1024 * 1024;

/// Every image address in `content`, each once.
pub fn image_addresses(content: &Content) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Image { src, .. } if !out.contains(src) => out.push(src.clone()),
                Block::Columns { left, right } => {
                    walk(left, out);
                    walk(right, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for part in [Part::Email, Part::Page] {
        let blocks: Vec<Block> = content
            .slots(part)
            .iter()
            .map(|s| s.block.clone())
            .collect();
        walk(&blocks, &mut out);
    }
    out
}

/// A warning for each image over [`MAX_IMAGE_BYTES`]: `sizes` are the
/// (name, bytes) of the images Trellis keeps that the campaign shows.
pub fn check_image_sizes(sizes: &[(String, i64)], locale: Locale) -> Vec<Finding> {
    sizes
        .iter()
        .filter(|(_, size)| *size > MAX_IMAGE_BYTES)
        .map(|(name, size)| Finding {
            message: crate::t!(
                in locale,
                "The image {name} weighs {size}: keep images under 1 MB, or phones load the email slowly.",
                name = name,
                size = crate::format::file_size(*size)
            ),
            blocking: false,
        })
        .collect()
}

/// What is wrong with a template itself, whoever launches it.
pub fn check_template(content: &Content, locale: Locale) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut block = |message: String| {
        findings.push(Finding {
            message,
            blocking: true,
        })
    };
    if !content.has_email() && !content.has_page() {
        block(crate::t!(in locale, "Add an email or a landing page.").to_owned());
    }
    if content.has_email() && content.subject.trim().is_empty() {
        block(crate::t!(in locale, "The email needs a subject.").to_owned());
    }
    if content.has_page() && content.title.trim().is_empty() {
        block(crate::t!(in locale, "The landing page needs a title.").to_owned());
    }
    let texts = all_texts(content);
    let mut unknown: Vec<&str> = texts
        .iter()
        .flat_map(|(text, _)| placeholders_in(text))
        .filter(|p| !PLACEHOLDERS.contains(p))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    for p in unknown {
        block(
            crate::t!(in locale, "{placeholder} is not a placeholder Trellis knows.", placeholder = p),
        );
    }
    // An address that is neither a placeholder nor a web or mail address.
    for (address, _) in texts.iter().filter(|(_, is_url)| *is_url) {
        let fixed = !address.contains('{');
        if fixed && safe_url(address, true).is_none() && !address.starts_with('#') {
            block(
                crate::t!(in locale, "The link {address} is not a web or mail address.", address = address),
            );
        }
    }
    for post in &content.social {
        let length = post.text.chars().count();
        if length > post.network.limit() {
            block(crate::t!(
                in locale,
                "The {network} post has {length} characters; {network} takes {limit}.",
                network = post.network.label(),
                length = length,
                limit = post.network.limit()
            ));
        }
    }
    findings
}

/// What is wrong with launching `content` for the partner `brand`: the
/// template's own problems, then what the partner's profile lacks.
/// `unsubscribe` is the address emails will carry.
pub fn check_launch(
    content: &Content,
    brand: &Brand,
    unsubscribe: &str,
    locale: Locale,
) -> Vec<Finding> {
    let mut findings = check_template(content, locale);
    if brand.logo_url.is_none() {
        findings.push(Finding {
            message: crate::t!(in locale, "Your organisation has no logo: upload one in its profile so the campaign carries your brand.").to_owned(),
            blocking: true,
        });
    }
    let mut used: Vec<&str> = all_texts(content)
        .iter()
        .flat_map(|(text, _)| {
            placeholders_in(text)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter_map(|p| PLACEHOLDERS.iter().find(|known| **known == p).copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    for p in used {
        if brand
            .placeholder(p, "#lead", false)
            .is_some_and(|v| v.trim().is_empty())
        {
            findings.push(Finding {
                message: crate::t!(in locale, "{placeholder} would be empty: add it to your organisation's profile.", placeholder = p),
                blocking: true,
            });
        }
    }
    // Addresses that only break once the partner's details are filled in.
    for (address, _) in all_texts(content)
        .iter()
        .filter(|(address, is_url)| *is_url && address.contains('{'))
    {
        let filled = brand.fill(address, "https://link.example", true);
        if !filled.trim().is_empty()
            && safe_url(&filled, true).is_none()
            && !filled.starts_with('#')
        {
            findings.push(Finding {
                message: crate::t!(in locale, "The link {address} is not a web or mail address.", address = filled),
                blocking: true,
            });
        }
    }
    if content.has_email() {
        let html = Renderer {
            content,
            brand,
            link: "https://link.example",
            locale,
        }
        .render(
            Part::Email,
            &Medium::Email {
                unsubscribe: unsubscribe.to_owned(),
                pixel: None,
                clicks: None,
            },
        );
        let link = format!("href=\"{}\"", super::render::escape(unsubscribe));
        if !html.contains(&link) {
            findings.push(Finding {
                message: crate::t!(in locale, "The email has no working unsubscribe link: ask the program admin to set the portal's public address.").to_owned(),
                blocking: true,
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::content::{Network, Slot, SocialPost};

    fn slot(block: Block) -> Slot {
        Slot {
            block,
            editable: false,
        }
    }

    fn brand() -> Brand {
        Brand {
            name: "Northwind".into(),
            logo_url: Some("https://p.example/c/northwind/logo".into()),
            colour: None,
            contact_name: Some("Ava".into()),
            contact_email: Some("ava@northwind.example".into()),
            phone: None,
            website: Some("northwind.example".into()),
        }
    }

    fn good() -> Content {
        Content {
            subject: "Hello from {partner.name}".into(),
            email: vec![slot(Block::Button {
                label: "Read".into(),
                href: "{link}".into(),
            })],
            title: "Spring".into(),
            page: vec![slot(Block::Text {
                text: "Call {partner.contact}".into(),
            })],
            social: vec![SocialPost {
                network: Network::X,
                text: "New: {link}".into(),
            }],
        }
    }

    #[test]
    fn a_complete_template_and_profile_pass() {
        assert_eq!(
            check_launch(&good(), &brand(), "https://p.example/u/x", Locale::En),
            vec![]
        );
    }

    #[test]
    fn template_problems_are_named() {
        let mut c = good();
        c.subject = " ".into();
        c.page.push(slot(Block::Button {
            label: "x".into(),
            href: "javascript:alert(1)".into(),
        }));
        c.page.push(slot(Block::Text {
            text: "{partner.fax}".into(),
        }));
        c.social.push(SocialPost {
            network: Network::X,
            text: "y".repeat(281),
        });
        let messages: Vec<String> = check_template(&c, Locale::En)
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            messages,
            vec![
                "The email needs a subject.".to_owned(),
                "{partner.fax} is not a placeholder Trellis knows.".to_owned(),
                "The link javascript:alert(1) is not a web or mail address.".to_owned(),
                "The X post has 281 characters; X takes 280.".to_owned(),
            ]
        );
        assert_eq!(check_template(&Content::default(), Locale::En).len(), 1);
    }

    #[test]
    fn a_profile_without_logo_or_a_used_detail_blocks_the_launch() {
        let mut c = good();
        c.page.push(slot(Block::Text {
            text: "Call {partner.phone}".into(),
        }));
        let no_logo = Brand {
            logo_url: None,
            ..brand()
        };
        let messages: Vec<String> = check_launch(&c, &no_logo, "https://p.example/u/x", Locale::En)
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("no logo"));
        assert_eq!(
            messages[1],
            "{partner.phone} would be empty: add it to your organisation's profile."
        );
    }

    #[test]
    fn an_unusable_unsubscribe_address_blocks_an_email() {
        let findings = check_launch(&good(), &brand(), "javascript:x", Locale::En);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("unsubscribe"));
    }
}
