//! Writing a template: the settings form checked the same in the browser
//! and on the server, the limits every saved draft keeps, and the edits
//! the block editor makes (add, move, remove, change one field), kept
//! here so they are plain functions with tests rather than closures in a
//! view.

use serde::{Deserialize, Serialize};

use super::content::{
    Block, Content, Network, Part, Slot, SocialPost, MAX_BLOCKS, MAX_LINE, MAX_TEXT,
};
use crate::{
    error::AppError,
    i18n::Locale,
    organisations::{PartnerType, Region},
    values::{comma_list, required_text, FieldErrors},
};

/// The most social posts a template may carry.
pub const MAX_POSTS: usize = 10;
/// The longest reason a reviewer gives when returning a campaign.
pub const MAX_NOTE: usize = 500;

/// What the settings form sends (fields `template[name]` and so on); the
/// blocks come as the editor's JSON in `content`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateInput {
    pub name: String,
    #[serde(default)]
    pub summary: String,
    pub language: String,
    pub content: String,
    #[serde(default)]
    pub partner_types: Vec<String>,
    #[serde(default)]
    pub tiers: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    /// A ticked checkbox sends a value; an unticked one sends nothing.
    #[serde(default)]
    pub requires_approval: Option<String>,
    /// The content streams it belongs to, comma separated.
    #[serde(default)]
    pub streams: String,
}

/// A template's settings and blocks, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateDraft {
    pub name: String,
    pub summary: String,
    pub language: Locale,
    pub content: Content,
    /// Comma lists; empty means every partner type / tier / region.
    pub partner_types: String,
    pub tiers: String,
    pub regions: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub requires_approval: bool,
    /// Stream names, comma separated (see [`stream_names`]).
    pub streams: String,
}

/// The most streams a template belongs to.
pub const MAX_STREAMS: usize = 5;

/// The content streams named in `raw` (comma separated), lower case, each
/// once: 2 to 40 letters, digits, spaces or hyphens, at most five. `None`
/// when a name breaks that.
pub fn stream_names(raw: &str) -> Option<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for name in raw.split(',').map(|n| n.trim().to_lowercase()) {
        if name.is_empty() {
            continue;
        }
        let length = name.chars().count();
        let fits = (2..=40).contains(&length)
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
        if !fits {
            return None;
        }
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (names.len() <= MAX_STREAMS).then_some(names)
}

/// A date field: `None` when blank, `Err` when it is not a date.
fn date_field(value: &str) -> Result<Option<i64>, ()> {
    match value.trim() {
        "" => Ok(None),
        date => crate::format::epoch_of_date(date).map(Some).ok_or(()),
    }
}

/// A template's name, trimmed (noted in `errors` when empty or long).
fn check_name<'a>(errors: &mut FieldErrors, name: &'a str) -> &'a str {
    required_text(
        errors,
        "name",
        name,
        MAX_LINE,
        t!("Name the template in at most 200 characters."),
    )
}

/// A template's language from its code (`en`, `de`).
fn check_language(errors: &mut FieldErrors, code: &str) -> Option<Locale> {
    match code {
        "en" => Some(Locale::En),
        "de" => Some(Locale::De),
        _ => {
            errors.push(("language", t!("Choose the template's language.")));
            None
        }
    }
}

/// Checks what a new template starts with: its name and language.
pub fn validate_start(name: &str, language: &str) -> Result<(String, Locale), AppError> {
    let mut errors = FieldErrors::new();
    let name = check_name(&mut errors, name);
    let language = check_language(&mut errors, language);
    match (language, errors.is_empty()) {
        (Some(language), true) => Ok((name.to_owned(), language)),
        _ => Err(AppError::fields(errors)),
    }
}

/// Checks `form`; `known_tiers` are the tier ids that exist.
pub fn validate(form: &TemplateInput, known_tiers: &[String]) -> Result<TemplateDraft, AppError> {
    let mut errors = FieldErrors::new();
    let name = check_name(&mut errors, &form.name);
    let summary = form.summary.trim();
    if summary.chars().count() > 500 {
        errors.push(("summary", t!("Keep the summary within 500 characters.")));
    }
    let language = check_language(&mut errors, &form.language);
    let content = match serde_json::from_str::<Content>(&form.content) {
        Ok(content) => match check_limits(&content) {
            Ok(()) => Some(content),
            Err(message) => {
                errors.push(("content", message));
                None
            }
        },
        Err(_) => {
            errors.push((
                "content",
                t!("The blocks could not be read: reload the page and try again."),
            ));
            None
        }
    };
    if form
        .partner_types
        .iter()
        .any(|t| PartnerType::parse(t).is_none())
    {
        errors.push(("partner_types", t!("Choose partner types from the list.")));
    }
    if form.tiers.iter().any(|t| !known_tiers.contains(t)) {
        errors.push(("tiers", t!("Choose tiers from the list.")));
    }
    if form.regions.iter().any(|r| Region::parse(r).is_none()) {
        errors.push(("regions", t!("Choose regions from the list.")));
    }
    let starts_at = date_field(&form.starts_on).unwrap_or_else(|()| {
        errors.push(("starts_on", t!("Enter a date like 2027-06-30.")));
        None
    });
    // An end date counts through the day it names.
    let ends_at = match date_field(&form.ends_on) {
        Ok(end) => end.map(|day| day + 86_400),
        Err(()) => {
            errors.push(("ends_on", t!("Enter a date like 2027-06-30.")));
            None
        }
    };
    if let (Some(start), Some(end)) = (starts_at, ends_at) {
        if end <= start {
            errors.push(("ends_on", t!("The end date comes after the start date.")));
        }
    }
    let streams = stream_names(&form.streams).unwrap_or_else(|| {
        errors.push((
            "streams",
            t!("Name at most five streams, separated by commas, each 2 to 40 letters, digits, spaces or hyphens."),
        ));
        Vec::new()
    });
    let (Some(language), Some(content), true) = (language, content, errors.is_empty()) else {
        return Err(AppError::fields(errors));
    };
    Ok(TemplateDraft {
        name: name.to_owned(),
        summary: summary.to_owned(),
        language,
        content,
        partner_types: comma_list(&form.partner_types),
        tiers: comma_list(&form.tiers),
        regions: comma_list(&form.regions),
        starts_at,
        ends_at,
        requires_approval: form.requires_approval.is_some(),
        streams: streams.join(","),
    })
}

/// Whether one block keeps its limits (texts within their lengths, no
/// columns inside columns).
fn block_fits(block: &Block, nested: bool) -> bool {
    let line = |s: &str| s.chars().count() <= MAX_LINE;
    let text = |s: &str| s.chars().count() <= MAX_TEXT;
    match block {
        Block::Heading { text: t } => line(t),
        Block::Text { text: t } => text(t),
        Block::Image { src, alt } => text(src) && line(alt),
        Block::Button { label, href } => line(label) && text(href),
        Block::Quote { text: t, by } => text(t) && line(by),
        Block::Columns { left, right } => {
            !nested
                && left.len() + right.len() <= MAX_BLOCKS
                && left.iter().chain(right).all(|b| block_fits(b, true))
        }
    }
}

/// The limits every saved draft keeps, whatever it still lacks: at most
/// 40 blocks per part, ten social posts, texts within their lengths, no
/// columns inside columns. What would break a launch is preflight's to
/// say, when the template is published.
pub fn check_limits(content: &Content) -> Result<(), &'static str> {
    let lines_fit = [&content.subject, &content.title]
        .iter()
        .all(|s| s.chars().count() <= MAX_LINE);
    let parts_fit = [&content.email, &content.page].iter().all(|slots| {
        slots.len() <= MAX_BLOCKS && slots.iter().all(|s| block_fits(&s.block, false))
    });
    let posts_fit = content.social.len() <= MAX_POSTS
        && content
            .social
            .iter()
            .all(|p| p.text.chars().count() <= MAX_TEXT);
    if !lines_fit {
        return Err(t!("A subject or page title is longer than 200 characters."));
    }
    if !parts_fit {
        return Err(t!("Keep each part within 40 blocks, each text within its length, and no columns inside columns."));
    }
    if !posts_fit {
        return Err(t!("A template carries at most 10 social posts."));
    }
    Ok(())
}

/// Which column of a two-column block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

/// Where a block sits: its part and place, and inside a two-column block,
/// its column and place there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub part: Part,
    pub index: usize,
    pub inner: Option<(Side, usize)>,
}

/// One text of a block the editor changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldName {
    Text,
    By,
    Src,
    Alt,
    Label,
    Href,
}

/// A new block of `kind` ("heading", "text", "image", "button", "quote",
/// "columns") with words a writer replaces.
pub fn new_block(kind: &str, locale: Locale) -> Option<Block> {
    Some(match kind {
        "heading" => Block::Heading {
            text: crate::t!(in locale, "A heading").to_owned(),
        },
        "text" => Block::Text {
            text: crate::t!(in locale, "Some words for {partner.name}'s customers.").to_owned(),
        },
        "image" => Block::Image {
            src: "{partner.logo}".to_owned(),
            alt: "{partner.name}".to_owned(),
        },
        "button" => Block::Button {
            label: crate::t!(in locale, "Find out more").to_owned(),
            href: "{link}".to_owned(),
        },
        "quote" => Block::Quote {
            text: crate::t!(in locale, "What a customer says.").to_owned(),
            by: crate::t!(in locale, "A customer").to_owned(),
        },
        "columns" => Block::Columns {
            left: vec![Block::Text {
                text: crate::t!(in locale, "Left column").to_owned(),
            }],
            right: vec![Block::Text {
                text: crate::t!(in locale, "Right column").to_owned(),
            }],
        },
        _ => return None,
    })
}

fn slots_mut(content: &mut Content, part: Part) -> &mut Vec<Slot> {
    match part {
        Part::Email => &mut content.email,
        Part::Page => &mut content.page,
    }
}

fn column_mut(block: &mut Block, side: Side) -> Option<&mut Vec<Block>> {
    match (block, side) {
        (Block::Columns { left, .. }, Side::Left) => Some(left),
        (Block::Columns { right, .. }, Side::Right) => Some(right),
        _ => None,
    }
}

/// The block at `place`.
pub fn block_at(content: &Content, place: Place) -> Option<&Block> {
    let block = &content.slots(place.part).get(place.index)?.block;
    match (place.inner, block) {
        (None, block) => Some(block),
        (Some((Side::Left, i)), Block::Columns { left, .. }) => left.get(i),
        (Some((Side::Right, i)), Block::Columns { right, .. }) => right.get(i),
        _ => None,
    }
}

fn block_at_mut(content: &mut Content, place: Place) -> Option<&mut Block> {
    let block = &mut slots_mut(content, place.part).get_mut(place.index)?.block;
    match place.inner {
        None => Some(block),
        Some((side, i)) => column_mut(block, side)?.get_mut(i),
    }
}

/// Sets field `field` of the block at `place` to `value` (a field the
/// block does not have is ignored).
pub fn set_field(content: &mut Content, place: Place, field: FieldName, value: String) {
    let Some(block) = block_at_mut(content, place) else {
        return;
    };
    match (block, field) {
        (Block::Heading { text } | Block::Text { text }, FieldName::Text)
        | (Block::Quote { text, .. }, FieldName::Text)
        | (Block::Quote { by: text, .. }, FieldName::By)
        | (Block::Image { src: text, .. }, FieldName::Src)
        | (Block::Image { alt: text, .. }, FieldName::Alt)
        | (Block::Button { label: text, .. }, FieldName::Label)
        | (Block::Button { href: text, .. }, FieldName::Href) => *text = value,
        _ => {}
    }
}

/// Whether partners may reword the top-level block at `place`.
pub fn set_editable(content: &mut Content, place: Place, editable: bool) {
    if place.inner.is_none() {
        if let Some(slot) = slots_mut(content, place.part).get_mut(place.index) {
            slot.editable = editable;
        }
    }
}

/// Moves `list[index]` by `by` places (up when negative), if it can.
fn shift<T>(list: &mut [T], index: usize, by: isize) {
    if let Some(to) = index.checked_add_signed(by) {
        if index < list.len() && to < list.len() {
            list.swap(index, to);
        }
    }
}

/// Moves the block at `place` one up (`by` −1) or down (`by` 1).
pub fn move_block(content: &mut Content, place: Place, by: isize) {
    let slots = slots_mut(content, place.part);
    match place.inner {
        None => shift(slots, place.index, by),
        Some((side, i)) => {
            if let Some(list) = slots
                .get_mut(place.index)
                .and_then(|s| column_mut(&mut s.block, side))
            {
                shift(list, i, by);
            }
        }
    }
}

/// Removes the block at `place`.
pub fn remove_block(content: &mut Content, place: Place) {
    let slots = slots_mut(content, place.part);
    match place.inner {
        None if place.index < slots.len() => {
            slots.remove(place.index);
        }
        None => {}
        Some((side, i)) => {
            if let Some(list) = slots
                .get_mut(place.index)
                .and_then(|s| column_mut(&mut s.block, side))
            {
                if i < list.len() {
                    list.remove(i);
                }
            }
        }
    }
}

/// Adds `block` at the end of `part`, or of column `side` of the
/// two-column block at `part`'s `index` (never columns inside columns).
pub fn add_block(content: &mut Content, part: Part, into: Option<(usize, Side)>, block: Block) {
    let slots = slots_mut(content, part);
    match into {
        None if slots.len() < MAX_BLOCKS => slots.push(Slot {
            block,
            editable: false,
        }),
        None => {}
        Some((index, side)) => {
            if matches!(block, Block::Columns { .. }) {
                return;
            }
            if let Some(list) = slots
                .get_mut(index)
                .and_then(|s| column_mut(&mut s.block, side))
            {
                list.push(block);
            }
        }
    }
}

/// Adds an empty post for `network`, within the limit of posts.
pub fn add_post(content: &mut Content, network: Network) {
    if content.social.len() < MAX_POSTS {
        content.social.push(SocialPost {
            network,
            text: String::new(),
        });
    }
}

impl FieldName {
    /// How a field key ends for this field.
    pub fn code(self) -> &'static str {
        match self {
            FieldName::Text => "text",
            FieldName::By => "by",
            FieldName::Src => "src",
            FieldName::Alt => "alt",
            FieldName::Label => "label",
            FieldName::Href => "href",
        }
    }

    fn parse(code: &str) -> Option<FieldName> {
        [
            FieldName::Text,
            FieldName::By,
            FieldName::Src,
            FieldName::Alt,
            FieldName::Label,
            FieldName::Href,
        ]
        .into_iter()
        .find(|f| f.code() == code)
    }
}

impl Place {
    /// The editor's name for this place (`page/3/-`, `email/1/r0`).
    pub fn key(self) -> String {
        let part = match self.part {
            Part::Email => "email",
            Part::Page => "page",
        };
        let inner = match self.inner {
            None => "-".to_owned(),
            Some((Side::Left, i)) => format!("l{i}"),
            Some((Side::Right, i)) => format!("r{i}"),
        };
        format!("{part}/{}/{inner}", self.index)
    }

    fn parse(key: &str) -> Option<Place> {
        let mut bits = key.split('/');
        let part = match bits.next()? {
            "email" => Part::Email,
            "page" => Part::Page,
            _ => return None,
        };
        let index = bits.next()?.parse().ok()?;
        let inner = match bits.next()? {
            "-" => None,
            code => {
                let side = match code.get(..1)? {
                    "l" => Side::Left,
                    "r" => Side::Right,
                    _ => return None,
                };
                Some((side, code.get(1..)?.parse().ok()?))
            }
        };
        Some(Place { part, index, inner })
    }
}

/// The editor's name for field `field` of the block at `place`.
pub fn field_key(place: Place, field: FieldName) -> String {
    format!("{}/{}", place.key(), field.code())
}

/// Applies what the editor's field named `key` now holds: `subject`,
/// `title`, `post/N` (a post's text), `network/N` (a post's network),
/// `editable/<place>` (`true` or `false`) or `<place>/<field>`. A key
/// that names nothing changes nothing.
pub fn apply(content: &mut Content, key: &str, value: String) {
    match key {
        "subject" => content.subject = value,
        "title" => content.title = value,
        _ => {
            if let Some(n) = key.strip_prefix("post/") {
                if let Some(post) = n
                    .parse()
                    .ok()
                    .and_then(|n: usize| content.social.get_mut(n))
                {
                    post.text = value;
                }
            } else if let Some(n) = key.strip_prefix("network/") {
                let network = Network::parse(&value);
                if let (Some(post), Some(network)) = (
                    n.parse()
                        .ok()
                        .and_then(|n: usize| content.social.get_mut(n)),
                    network,
                ) {
                    post.network = network;
                }
            } else if let Some(place) = key.strip_prefix("editable/").and_then(Place::parse) {
                set_editable(content, place, value == "true");
            } else if let Some((place, field)) = key.rsplit_once('/') {
                if let (Some(place), Some(field)) = (Place::parse(place), FieldName::parse(field)) {
                    set_field(content, place, field, value);
                }
            }
        }
    }
}

/// Removes social post `n`.
pub fn remove_post(content: &mut Content, n: usize) {
    if n < content.social.len() {
        content.social.remove(n);
    }
}

/// What a new template starts with: an email and a landing page that
/// already carry the partner's brand, for the writer to change.
pub fn starter(locale: Locale) -> Content {
    let slot =
        |kind: &str, editable: bool| new_block(kind, locale).map(|block| Slot { block, editable });
    let blocks = |kinds: &[(&str, bool)]| -> Vec<Slot> {
        kinds
            .iter()
            .filter_map(|&(kind, editable)| slot(kind, editable))
            .collect()
    };
    Content {
        subject: crate::t!(in locale, "News from {partner.name}").to_owned(),
        email: blocks(&[
            ("image", false),
            ("heading", true),
            ("text", true),
            ("button", false),
        ]),
        title: crate::t!(in locale, "{partner.name}: find out more").to_owned(),
        page: blocks(&[("image", false), ("heading", true), ("text", true)]),
        social: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(part: Part, index: usize) -> Place {
        Place {
            part,
            index,
            inner: None,
        }
    }

    fn input(content: &Content) -> TemplateInput {
        TemplateInput {
            name: " Spring offer ".into(),
            summary: "For resellers.".into(),
            language: "en".into(),
            content: serde_json::to_string(content).unwrap(),
            ..TemplateInput::default()
        }
    }

    #[test]
    fn a_starter_template_validates_and_keeps_its_settings() {
        let content = starter(Locale::En);
        let mut form = input(&content);
        form.partner_types = vec!["msp".into(), "var".into(), "msp".into()];
        form.tiers = vec!["gold".into()];
        form.regions = vec!["emea".into()];
        form.starts_on = "2027-01-01".into();
        form.ends_on = "2027-03-31".into();
        form.requires_approval = Some("on".into());
        form.streams = " Security, cloud migration ,security,".into();
        let draft = validate(&form, &["gold".into()]).unwrap();
        assert_eq!(draft.name, "Spring offer");
        assert_eq!(draft.content, content);
        assert_eq!(draft.partner_types, "msp,var");
        assert_eq!(draft.regions, "emea");
        assert_eq!(
            draft.ends_at.unwrap() - draft.starts_at.unwrap(),
            90 * 86_400
        );
        assert!(draft.requires_approval);
        assert_eq!(draft.streams, "security,cloud migration");
    }

    #[test]
    fn stream_names_are_short_plain_and_few() {
        assert_eq!(stream_names(""), Some(vec![]));
        assert_eq!(stream_names(" , "), Some(vec![]));
        assert_eq!(
            stream_names("Zero-Trust, Kühlung"),
            Some(vec!["zero-trust".to_owned(), "kühlung".to_owned()])
        );
        assert_eq!(stream_names("a"), None);
        assert_eq!(stream_names(&"x".repeat(41)), None);
        assert_eq!(stream_names("a<b"), None);
        assert_eq!(
            stream_names("a1,b2,c3,d4,e5"),
            Some(["a1", "b2", "c3", "d4", "e5"].map(String::from).to_vec())
        );
        assert_eq!(stream_names("a1,b2,c3,d4,e5,f6"), None);
    }

    #[test]
    fn bad_settings_are_named_field_by_field() {
        let mut form = input(&starter(Locale::En));
        form.name = " ".into();
        form.language = "fr".into();
        form.partner_types = vec!["pirate".into()];
        form.tiers = vec!["mythril".into()];
        form.regions = vec!["mars".into()];
        form.starts_on = "2027-05-01".into();
        form.ends_on = "2027-04-01".into();
        form.streams = "ok, no;semicolons".into();
        let Err(AppError::Validation(errors)) = validate(&form, &["gold".into()]) else {
            panic!("expected field errors");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "name",
                "language",
                "partner_types",
                "tiers",
                "regions",
                "ends_on",
                "streams"
            ]
        );
        form = input(&starter(Locale::En));
        form.content = "{not json".into();
        assert!(validate(&form, &[]).is_err());
    }

    #[test]
    fn limits_refuse_nested_columns_and_long_texts() {
        let mut content = starter(Locale::En);
        assert_eq!(check_limits(&content), Ok(()));
        content.page.push(Slot {
            block: Block::Columns {
                left: vec![new_block("columns", Locale::En).unwrap()],
                right: vec![],
            },
            editable: false,
        });
        assert!(check_limits(&content).is_err());
        let mut content = starter(Locale::En);
        content.subject = "x".repeat(MAX_LINE + 1);
        assert!(check_limits(&content).is_err());
        let mut content = starter(Locale::En);
        for _ in 0..=MAX_POSTS {
            content.social.push(SocialPost {
                network: Network::X,
                text: "hi".into(),
            });
        }
        assert!(check_limits(&content).is_err());
    }

    #[test]
    fn the_editor_fields_name_what_they_change() {
        let mut c = starter(Locale::En);
        add_block(
            &mut c,
            Part::Page,
            None,
            new_block("columns", Locale::En).unwrap(),
        );
        add_post(&mut c, Network::LinkedIn);
        let inner = Place {
            part: Part::Page,
            index: 3,
            inner: Some((Side::Left, 0)),
        };
        assert_eq!(inner.key(), "page/3/l0");
        assert_eq!(Place::parse(&inner.key()), Some(inner));
        apply(
            &mut c,
            &field_key(inner, FieldName::Text),
            "Left words".into(),
        );
        apply(&mut c, "subject", "Hi {partner.name}".into());
        apply(&mut c, "post/0", "Read {link}".into());
        apply(&mut c, "network/0", "x".into());
        apply(&mut c, "editable/email/3/-", "true".into());
        for nonsense in [
            "page/99/-/text",
            "page/3/x0/text",
            "post/7",
            "network/0",
            "nope",
            "page/1/-/colour",
        ] {
            let before = c.clone();
            apply(&mut c, nonsense, "pirate".into());
            assert_eq!(c, before, "{nonsense}");
        }
        assert_eq!(
            block_at(&c, inner),
            Some(&Block::Text {
                text: "Left words".into()
            })
        );
        assert_eq!(c.subject, "Hi {partner.name}");
        assert_eq!(c.social[0].network, Network::X);
        assert_eq!(c.social[0].text, "Read {link}");
        assert!(c.email[3].editable);
        remove_post(&mut c, 0);
        assert!(c.social.is_empty());
    }

    #[test]
    fn the_editor_adds_moves_changes_and_removes_blocks() {
        let mut c = Content::default();
        for kind in ["heading", "columns", "button"] {
            add_block(
                &mut c,
                Part::Page,
                None,
                new_block(kind, Locale::En).unwrap(),
            );
        }
        move_block(&mut c, place(Part::Page, 2), -1);
        assert!(matches!(c.page[1].block, Block::Button { .. }));
        move_block(&mut c, place(Part::Page, 0), -1);
        move_block(&mut c, place(Part::Page, 2), 1);
        assert!(matches!(c.page[0].block, Block::Heading { .. }));
        assert!(matches!(c.page[2].block, Block::Columns { .. }));
        set_field(
            &mut c,
            place(Part::Page, 1),
            FieldName::Href,
            "https://x.example".into(),
        );
        set_field(
            &mut c,
            place(Part::Page, 1),
            FieldName::Text,
            "ignored".into(),
        );
        assert_eq!(
            c.page[1].block,
            Block::Button {
                label: "Find out more".into(),
                href: "https://x.example".into()
            }
        );
        add_block(
            &mut c,
            Part::Page,
            Some((2, Side::Right)),
            new_block("quote", Locale::En).unwrap(),
        );
        add_block(
            &mut c,
            Part::Page,
            Some((2, Side::Right)),
            new_block("columns", Locale::En).unwrap(),
        );
        let inner = Place {
            inner: Some((Side::Right, 1)),
            ..place(Part::Page, 2)
        };
        set_field(&mut c, inner, FieldName::By, "Ava".into());
        assert_eq!(
            block_at(&c, inner),
            Some(&Block::Quote {
                text: "What a customer says.".into(),
                by: "Ava".into()
            })
        );
        move_block(&mut c, inner, -1);
        remove_block(
            &mut c,
            Place {
                inner: Some((Side::Right, 1)),
                ..inner
            },
        );
        let Block::Columns { right, .. } = &c.page[2].block else {
            panic!("columns expected");
        };
        assert_eq!(right.len(), 1);
        assert!(matches!(right[0], Block::Quote { .. }));
        set_editable(&mut c, place(Part::Page, 0), true);
        assert!(c.page[0].editable);
        remove_block(&mut c, place(Part::Page, 0));
        remove_block(&mut c, place(Part::Page, 9));
        assert_eq!(c.page.len(), 2);
        for _ in 0..(MAX_POSTS + 2) {
            add_post(&mut c, Network::LinkedIn);
        }
        assert_eq!(c.social.len(), MAX_POSTS);
    }
}
