//! The one renderer of campaigns: the same function draws the live preview
//! in the browser (an island), the email the outbox sends and the landing
//! page the server answers with, so the preview is byte for byte what goes
//! out. Safe by construction: every text is escaped after its placeholders
//! are filled, addresses must be http(s) (or mailto for buttons), colours
//! must be hex. Nothing a template or a profile holds becomes markup.

use serde::{Deserialize, Serialize};

use super::content::{Block, Content, Part};
use crate::i18n::Locale;

/// The colour used when a partner has none (or an invalid one).
pub const DEFAULT_COLOUR: &str = "#0f766e";

/// The partner a campaign is co-branded with, as placeholders read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    pub name: String,
    /// Absolute address of the logo (public), if the partner has one.
    pub logo_url: Option<String>,
    pub colour: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// What a person typed into a landing page's lead form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadFields {
    pub name: String,
    pub email: String,
    pub company: String,
    pub phone: String,
    pub message: String,
    pub consent: bool,
}

/// The lead form's state on a landing page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormState {
    pub fields: LeadFields,
    /// (field, message) for each problem, in form order.
    pub errors: Vec<(String, String)>,
    /// The lead was taken: thank the person instead of showing the form.
    pub sent: bool,
}

/// Where the campaign is drawn, with what only that medium has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Medium {
    /// A landing page: its form posts to `action`; `ended` shows the
    /// campaign-ended notice (the form still works).
    Page {
        action: String,
        ended: bool,
        form: FormState,
    },
    /// An email to one recipient: their unsubscribe address and, if opens
    /// are counted, their pixel's; with `clicks`, each web link is
    /// `clicks` followed by its number in [`Renderer::links`] (a tracked
    /// redirect that looks the address up, never reads it from the link).
    Email {
        unsubscribe: String,
        pixel: Option<String>,
        clicks: Option<String>,
    },
}

/// The stylesheet of every page and email. Constant: the brand colour
/// comes separately, checked.
const CSS: &str = "*{box-sizing:border-box}\
body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1e293b;background:#f1f5f9}\
.wrap{max-width:640px;margin:0 auto;background:#fff;padding:24px}\
.top{display:flex;align-items:center;gap:12px;padding-bottom:16px;border-bottom:4px solid var(--brand)}\
.top img{max-height:48px;max-width:200px}\
.name{font-weight:700;font-size:18px}\
h1{font-size:28px;line-height:1.2;margin:24px 0 12px}\
h2{font-size:20px;margin:24px 0 8px}\
p{margin:0 0 16px}\
a{color:#1d4ed8}\
.pic{max-width:100%;height:auto;display:block;margin:16px 0}\
.btn{display:inline-block;background:var(--brand);color:var(--on-brand);padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;margin:8px 0 16px}\
.cols{display:flex;flex-wrap:wrap;gap:24px}.cols>div{flex:1 1 240px}\
blockquote{margin:16px 0;padding:8px 16px;border-left:4px solid var(--brand)}\
.by{font-style:normal;font-weight:600}\
.note{padding:12px 16px;border-radius:6px;background:#fef3c7;color:#78350f}\
.ok{padding:12px 16px;border-radius:6px;background:#d1fae5;color:#064e3b}\
.foot{margin-top:24px;padding-top:16px;border-top:1px solid #cbd5e1;font-size:14px;color:#475569}\
label{display:block;font-weight:600;margin-top:12px}\
input,textarea{width:100%;padding:10px;border:1px solid #64748b;border-radius:6px;font:inherit;color:inherit;background:#fff}\
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}.check input{width:auto;margin-top:5px}\
button{margin-top:16px;background:var(--brand);color:var(--on-brand);border:0;border-radius:6px;padding:12px 20px;font:inherit;font-weight:600;cursor:pointer}\
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}\
.err{color:#b91c1c;font-weight:400;margin:4px 0 0}\
@media (prefers-color-scheme:dark){body{background:#020617;color:#e2e8f0}.wrap{background:#0f172a}\
a{color:#93c5fd}.foot{color:#cbd5e1;border-color:#334155}input,textarea{background:#020617;border-color:#94a3b8}\
.err{color:#fca5a5}.note{background:#451a03;color:#fef3c7}.ok{background:#022c22;color:#d1fae5}}";

/// How the stylesheet's dark rules begin.
const DARK_RULES: &str = "@media (prefers-color-scheme:dark){";

/// `document` (from [`Renderer::render`]) with its dark rules applied
/// whatever the reader's setting: how a mail client or browser in dark
/// mode shows it, for the preview's dark switch. Nothing else changes.
pub fn in_dark(document: &str) -> String {
    document.replacen(DARK_RULES, "@media all{", 1)
}

/// `text` with `& < > " '` written as entities: safe in text and in
/// quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `url` if it is an absolute http(s) address (or mailto, when `mailto`)
/// without spaces, quotes or angle brackets; `None` otherwise.
pub fn safe_url(url: &str, mailto: bool) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (mailto && lower.starts_with("mailto:"));
    let clean = !url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    });
    let has_host =
        !lower.starts_with("http") || url.split("//").nth(1).is_some_and(|h| !h.is_empty());
    (scheme_ok && clean && has_host && url.len() <= 2_000).then_some(url)
}

/// `colour` as `#rrggbb` when it is a hex colour (`#rgb` or `#rrggbb`).
pub fn safe_colour(colour: &str) -> Option<String> {
    let hex = colour.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(
            hex.chars()
                .flat_map(|c| [c, c])
                .fold(String::from("#"), |mut s, c| {
                    s.push(c.to_ascii_lowercase());
                    s
                }),
        ),
        _ => None,
    }
}

/// Black or white, whichever reads better on `colour` (`#rrggbb`).
fn on_colour(colour: &str) -> &'static str {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(&colour[i..i + 2], 16).unwrap_or(0)) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white (1.05 / (l + 0.05)) against black ((l + 0.05) / 0.05).
    if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
        "#ffffff"
    } else {
        "#000000"
    }
}

impl Brand {
    /// The brand colour, checked; the default when missing or invalid.
    pub fn colour(&self) -> String {
        self.colour
            .as_deref()
            .and_then(safe_colour)
            .unwrap_or_else(|| DEFAULT_COLOUR.to_owned())
    }

    /// The website as a link target (`https://` added when it has none).
    pub fn website_url(&self) -> Option<String> {
        let site = self.website.as_deref()?.trim();
        if site.is_empty() {
            None
        } else if site.contains("://") {
            Some(site.to_owned())
        } else {
            Some(format!("https://{site}"))
        }
    }

    /// What `placeholder` stands for (empty when the profile lacks it);
    /// `None` for a name that is no placeholder. `url`: the value goes
    /// into an address (the website gets its scheme).
    pub fn placeholder(&self, placeholder: &str, link: &str, url: bool) -> Option<String> {
        let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
        Some(match placeholder {
            "{partner.name}" => self.name.clone(),
            "{partner.contact}" => or_empty(&self.contact_name),
            "{partner.email}" if url => self
                .contact_email
                .as_ref()
                .map(|e| format!("mailto:{e}"))
                .unwrap_or_default(),
            "{partner.email}" => or_empty(&self.contact_email),
            "{partner.phone}" => or_empty(&self.phone),
            "{partner.website}" if url => self.website_url().unwrap_or_default(),
            "{partner.website}" => or_empty(&self.website),
            "{partner.logo}" => or_empty(&self.logo_url),
            "{link}" => link.to_owned(),
            _ => return None,
        })
    }

    /// `text` with every known placeholder filled (unknown ones are kept
    /// as written; preflight reports them).
    pub fn fill(&self, text: &str, link: &str, url: bool) -> String {
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let candidate = rest[start..]
                .find('}')
                .map(|end| &rest[start..start + end + 1]);
            match candidate.and_then(|p| self.placeholder(p, link, url).map(|v| (p, v))) {
                Some((p, value)) => {
                    out.push_str(&value);
                    rest = &rest[start + p.len()..];
                }
                None => {
                    out.push('{');
                    rest = &rest[start + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The stylesheet of a document co-branded with `brand`: the constant
/// rules and the checked brand colour with its readable text colour.
pub fn style(brand: &Brand) -> String {
    let colour = brand.colour();
    format!(
        "{CSS}:root{{--brand:{colour};--on-brand:{}}}",
        on_colour(&colour)
    )
}

/// The web links met while drawing, and how an email tracks them.
struct Links<'a> {
    prefix: Option<&'a str>,
    found: Vec<String>,
}

impl Links<'_> {
    /// What `url` (already checked) becomes in the document: itself, or
    /// with tracking a numbered redirect for a web address.
    fn href(&mut self, url: &str) -> String {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return url.to_owned();
        }
        self.found.push(url.to_owned());
        match self.prefix {
            Some(prefix) => format!("{prefix}{}", self.found.len() - 1),
            None => url.to_owned(),
        }
    }
}

/// One campaign part as a complete HTML document.
pub struct Renderer<'a> {
    pub content: &'a Content,
    pub brand: &'a Brand,
    /// What `{link}` becomes: the tracked link in an email, the lead form
    /// on a landing page.
    pub link: &'a str,
    pub locale: Locale,
}

impl Renderer<'_> {
    /// The document for `part` in `medium`.
    pub fn render(&self, part: Part, medium: &Medium) -> String {
        let mut out = String::with_capacity(8_192);
        let title = match part {
            Part::Email => &self.content.subject,
            Part::Page => &self.content.title,
        };
        out.push_str("<!DOCTYPE html><html lang=\"");
        out.push_str(self.locale.as_str());
        out.push_str("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><title>");
        out.push_str(&escape(&self.brand.fill(title, self.link, false)));
        out.push_str("</title><style>");
        out.push_str(&style(self.brand));
        out.push_str("</style></head><body><div class=\"wrap\">");
        self.header(&mut out);
        out.push_str("<main>");
        if let Medium::Page { ended: true, .. } = medium {
            self.ended(&mut out);
        }
        let mut links = Links {
            prefix: match medium {
                Medium::Email { clicks, .. } => clicks.as_deref(),
                Medium::Page { .. } => None,
            },
            found: Vec::new(),
        };
        for slot in self.content.slots(part) {
            self.block(&mut out, &slot.block, true, &mut links);
        }
        if let Medium::Page { action, form, .. } = medium {
            self.form(&mut out, action, form);
        }
        out.push_str("</main>");
        self.footer(&mut out, medium);
        out.push_str("</div></body></html>");
        out
    }

    fn text(&self, text: &str) -> String {
        escape(&self.brand.fill(text, self.link, false))
    }

    fn header(&self, out: &mut String) {
        out.push_str("<header class=\"top\">");
        let logo = self
            .brand
            .logo_url
            .as_deref()
            .and_then(|u| safe_url(u, false));
        match logo {
            Some(url) => {
                out.push_str("<img src=\"");
                out.push_str(&escape(url));
                out.push_str("\" alt=\"");
                out.push_str(&escape(&self.brand.name));
                out.push_str("\">");
            }
            None => {
                out.push_str("<span class=\"name\">");
                out.push_str(&escape(&self.brand.name));
                out.push_str("</span>");
            }
        }
        out.push_str("</header>");
    }

    /// The web addresses the buttons of `part` link to, in order: what a
    /// tracked link's number stands for.
    pub fn links(&self, part: Part) -> Vec<String> {
        let mut links = Links {
            prefix: None,
            found: Vec::new(),
        };
        let mut scratch = String::new();
        for slot in self.content.slots(part) {
            self.block(&mut scratch, &slot.block, true, &mut links);
        }
        links.found
    }

    /// `part` as plain text: the alternative an email carries for clients
    /// that show no HTML, with each button's address written out.
    pub fn text_version(&self, part: Part, unsubscribe: &str) -> String {
        let mut out = Vec::new();
        let fill = |text: &str| self.brand.fill(text, self.link, false);
        fn walk(blocks: &[&Block], out: &mut Vec<String>, r: &Renderer<'_>) {
            for block in blocks {
                match block {
                    Block::Heading { text } | Block::Text { text } => {
                        out.push(r.brand.fill(text, r.link, false))
                    }
                    Block::Quote { text, by } => out.push(format!(
                        "“{}” — {}",
                        r.brand.fill(text, r.link, false),
                        r.brand.fill(by, r.link, false)
                    )),
                    Block::Button { label, href } => {
                        let href = r.brand.fill(href, r.link, true);
                        let label = r.brand.fill(label, r.link, false);
                        match safe_url(&href, true) {
                            Some(url) => out.push(format!("{label}: {url}")),
                            None => out.push(label),
                        }
                    }
                    Block::Columns { left, right } => {
                        let inner: Vec<&Block> = left
                            .iter()
                            .chain(right.iter())
                            .filter(|b| !matches!(b, Block::Columns { .. }))
                            .collect();
                        walk(&inner, out, r);
                    }
                    Block::Image { .. } => {}
                }
            }
        }
        let blocks: Vec<&Block> = self.content.slots(part).iter().map(|s| &s.block).collect();
        walk(&blocks, &mut out, self);
        out.push(format!("— {}", fill("{partner.name}")));
        out.push(format!(
            "{}: {unsubscribe}",
            crate::t!(in self.locale, "Unsubscribe")
        ));
        out.join("\n\n")
    }

    fn block(&self, out: &mut String, block: &Block, top: bool, links: &mut Links<'_>) {
        match block {
            Block::Heading { text } => {
                out.push_str(if top { "<h1>" } else { "<h2>" });
                out.push_str(&self.text(text));
                out.push_str(if top { "</h1>" } else { "</h2>" });
            }
            Block::Text { text } => {
                let filled = self.brand.fill(text, self.link, false);
                for paragraph in filled
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    out.push_str("<p>");
                    let lines: Vec<String> = paragraph.lines().map(escape).collect();
                    out.push_str(&lines.join("<br>"));
                    out.push_str("</p>");
                }
            }
            Block::Image { src, alt } => {
                let src = self.brand.fill(src, self.link, true);
                if let Some(url) = safe_url(&src, false) {
                    out.push_str("<img class=\"pic\" src=\"");
                    out.push_str(&escape(url));
                    out.push_str("\" alt=\"");
                    out.push_str(&self.text(alt));
                    out.push_str("\">");
                }
            }
            Block::Button { label, href } => {
                let href = self.brand.fill(href, self.link, true);
                let label = self.text(label);
                match safe_url(&href, true)
                    .or_else(|| href.starts_with('#').then_some(href.as_str()))
                {
                    Some(url) if !url.contains(['"', '<', '>', ' ']) => {
                        out.push_str("<p><a class=\"btn\" href=\"");
                        out.push_str(&escape(&links.href(url)));
                        out.push_str("\">");
                        out.push_str(&label);
                        out.push_str("</a></p>");
                    }
                    _ => {
                        out.push_str("<p>");
                        out.push_str(&label);
                        out.push_str("</p>");
                    }
                }
            }
            Block::Columns { left, right } => {
                out.push_str("<div class=\"cols\">");
                for column in [left, right] {
                    out.push_str("<div>");
                    for inner in column
                        .iter()
                        .filter(|b| !matches!(b, Block::Columns { .. }))
                    {
                        self.block(out, inner, false, links);
                    }
                    out.push_str("</div>");
                }
                out.push_str("</div>");
            }
            Block::Quote { text, by } => {
                out.push_str("<blockquote><p>");
                out.push_str(&self.text(text));
                out.push_str("</p>");
                if !by.trim().is_empty() {
                    out.push_str("<p class=\"by\">— ");
                    out.push_str(&self.text(by));
                    out.push_str("</p>");
                }
                out.push_str("</blockquote>");
            }
        }
    }

    /// The partner's contact line: name, phone, email, website.
    fn contact(&self) -> String {
        let b = self.brand;
        let mut parts = vec![escape(&b.name)];
        if let Some(name) = b.contact_name.as_deref().filter(|n| !n.is_empty()) {
            parts.push(escape(name));
        }
        if let Some(phone) = b.phone.as_deref().filter(|p| !p.is_empty()) {
            parts.push(escape(phone));
        }
        if let Some(email) = b.contact_email.as_deref().filter(|e| !e.is_empty()) {
            let href = format!("mailto:{email}");
            match safe_url(&href, true) {
                Some(href) => parts.push(format!(
                    "<a href=\"{}\">{}</a>",
                    escape(href),
                    escape(email)
                )),
                None => parts.push(escape(email)),
            }
        }
        if let (Some(site), Some(url)) = (b.website.as_deref(), b.website_url()) {
            match safe_url(&url, false) {
                Some(url) => {
                    parts.push(format!("<a href=\"{}\">{}</a>", escape(url), escape(site)))
                }
                None => parts.push(escape(site)),
            }
        }
        parts.join(" · ")
    }

    fn ended(&self, out: &mut String) {
        out.push_str("<p class=\"note\">");
        out.push_str(&escape(&crate::t!(
            in self.locale,
            "This campaign has ended. {partner} is still glad to hear from you: leave your details below or get in touch.",
            partner = self.brand.name
        )));
        out.push_str("</p>");
    }

    fn footer(&self, out: &mut String, medium: &Medium) {
        out.push_str("<footer class=\"foot\"><p>");
        out.push_str(&self.contact());
        out.push_str("</p>");
        if let Medium::Email {
            unsubscribe, pixel, ..
        } = medium
        {
            out.push_str("<p>");
            out.push_str(&escape(&crate::t!(
                in self.locale,
                "You receive this because you agreed to hear from {partner}.",
                partner = self.brand.name
            )));
            if let Some(url) = safe_url(unsubscribe, false) {
                out.push_str(" <a href=\"");
                out.push_str(&escape(url));
                out.push_str("\">");
                out.push_str(&escape(crate::t!(in self.locale, "Unsubscribe")));
                out.push_str("</a>");
            }
            out.push_str("</p>");
            if let Some(url) = pixel.as_deref().and_then(|p| safe_url(p, false)) {
                out.push_str("<img src=\"");
                out.push_str(&escape(url));
                out.push_str("\" width=\"1\" height=\"1\" alt=\"\">");
            }
        }
        out.push_str("</footer>");
    }

    fn form(&self, out: &mut String, action: &str, form: &FormState) {
        let l = self.locale;
        out.push_str("<section id=\"lead\" aria-labelledby=\"lead-title\"><h2 id=\"lead-title\">");
        out.push_str(&escape(
            &crate::t!(in l, "Talk to {partner}", partner = self.brand.name),
        ));
        out.push_str("</h2>");
        if form.sent {
            out.push_str("<p class=\"ok\" role=\"status\">");
            out.push_str(&escape(&crate::t!(
                in l,
                "Thank you. {partner} will be in touch soon.",
                partner = self.brand.name
            )));
            out.push_str("</p></section>");
            return;
        }
        if !form.errors.is_empty() {
            out.push_str("<p class=\"err\" role=\"alert\">");
            out.push_str(&escape(
                crate::t!(in l, "Please correct the marked fields."),
            ));
            out.push_str("</p>");
        }
        out.push_str("<form method=\"post\" action=\"");
        out.push_str(&escape(action));
        out.push_str("\">");
        let f = &form.fields;
        let fields: [(&str, &str, &str, &str, bool, &str); 5] = [
            (
                "name",
                crate::t!(in l, "Your name"),
                &f.name,
                "text",
                true,
                "name",
            ),
            (
                "email",
                crate::t!(in l, "Work email"),
                &f.email,
                "email",
                true,
                "email",
            ),
            (
                "company",
                crate::t!(in l, "Company"),
                &f.company,
                "text",
                true,
                "organization",
            ),
            (
                "phone",
                crate::t!(in l, "Phone (optional)"),
                &f.phone,
                "tel",
                false,
                "tel",
            ),
            (
                "message",
                crate::t!(in l, "What would you like to talk about? (optional)"),
                &f.message,
                "",
                false,
                "off",
            ),
        ];
        for (name, label, value, kind, required, complete) in fields {
            let error = form
                .errors
                .iter()
                .find(|(field, _)| field == name)
                .map(|(_, m)| m);
            out.push_str(&format!("<label for=\"lead-{name}\">{}", escape(label)));
            if let Some(message) = error {
                out.push_str(&format!(
                    "<span class=\"err\" id=\"lead-{name}-err\"> {}</span>",
                    escape(message)
                ));
            }
            out.push_str("</label>");
            let described = if error.is_some() {
                format!(" aria-invalid=\"true\" aria-describedby=\"lead-{name}-err\"")
            } else {
                String::new()
            };
            let required = if required { " required" } else { "" };
            if kind.is_empty() {
                out.push_str(&format!(
                    "<textarea id=\"lead-{name}\" name=\"{name}\" rows=\"4\" maxlength=\"2000\"{described}>{}</textarea>",
                    escape(value)
                ));
            } else {
                out.push_str(&format!(
                    "<input id=\"lead-{name}\" name=\"{name}\" type=\"{kind}\" autocomplete=\"{complete}\" maxlength=\"200\" value=\"{}\"{required}{described}>",
                    escape(value)
                ));
            }
        }
        out.push_str("<div class=\"hp\" aria-hidden=\"true\"><label for=\"lead-website\">");
        out.push_str(&escape(crate::t!(in l, "Leave this empty")));
        out.push_str("</label><input id=\"lead-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        let consent_error = form.errors.iter().find(|(field, _)| field == "consent");
        out.push_str("<label class=\"check\"><input type=\"checkbox\" name=\"consent\" value=\"yes\" required");
        if f.consent {
            out.push_str(" checked");
        }
        if consent_error.is_some() {
            out.push_str(" aria-invalid=\"true\" aria-describedby=\"lead-consent-err\"");
        }
        out.push_str("><span>");
        out.push_str(&escape(&crate::t!(
            in l,
            "I agree that {partner} may contact me about this offer.",
            partner = self.brand.name
        )));
        out.push_str("</span></label>");
        if let Some((_, message)) = consent_error {
            out.push_str(&format!(
                "<p class=\"err\" id=\"lead-consent-err\">{}</p>",
                escape(message)
            ));
        }
        out.push_str("<button type=\"submit\">");
        out.push_str(&escape(crate::t!(in l, "Send")));
        out.push_str("</button></form></section>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::content::Slot;

    fn brand() -> Brand {
        Brand {
            name: "Northwind <Solutions>".into(),
            logo_url: Some("https://portal.example/c/northwind/logo".into()),
            colour: Some("#FA0".into()),
            contact_name: Some("Ava \"A\" Thompson".into()),
            contact_email: Some("ava@northwind.example".into()),
            phone: Some("+1 555 0100".into()),
            website: Some("northwind.example".into()),
        }
    }

    fn page(blocks: Vec<Block>) -> String {
        let content = Content {
            title: "{partner.name} & Acme".into(),
            page: blocks
                .into_iter()
                .map(|block| Slot {
                    block,
                    editable: false,
                })
                .collect(),
            ..Content::default()
        };
        let brand = brand();
        Renderer {
            content: &content,
            brand: &brand,
            link: "#lead",
            locale: Locale::En,
        }
        .render(
            Part::Page,
            &Medium::Page {
                action: "/c/northwind/spring".into(),
                ended: false,
                form: FormState::default(),
            },
        )
    }

    #[test]
    fn text_and_placeholders_are_escaped() {
        let html = page(vec![
            Block::Heading {
                text: "<script>alert(1)</script> for {partner.name}".into(),
            },
            Block::Quote {
                text: "\"quoted\" & 'single'".into(),
                by: "{partner.contact}".into(),
            },
        ]);
        assert!(!html.contains("<script"));
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; for Northwind &lt;Solutions&gt;")
        );
        assert!(html.contains("&quot;quoted&quot; &amp; &#39;single&#39;"));
        assert!(html.contains("— Ava &quot;A&quot; Thompson"));
        assert!(html.contains("<title>Northwind &lt;Solutions&gt; &amp; Acme</title>"));
    }

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        let html = page(vec![
            Block::Button {
                label: "Bad".into(),
                href: "javascript:alert(1)".into(),
            },
            Block::Button {
                label: "Quote".into(),
                href: "https://x.example/\"onmouseover=\"x".into(),
            },
            Block::Button {
                label: "Site".into(),
                href: "{partner.website}".into(),
            },
            Block::Button {
                label: "Mail".into(),
                href: "{partner.email}".into(),
            },
            Block::Image {
                src: "data:image/svg+xml,<svg onload=alert(1)>".into(),
                alt: "x".into(),
            },
            Block::Image {
                src: "{partner.logo}".into(),
                alt: "Logo of {partner.name}".into(),
            },
        ]);
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onmouseover"));
        assert!(!html.contains("data:image"));
        assert!(html.contains("<p>Bad</p>"));
        assert!(html.contains("href=\"https://northwind.example\""));
        assert!(html.contains("href=\"mailto:ava@northwind.example\""));
        assert!(html.contains("<img class=\"pic\" src=\"https://portal.example/c/northwind/logo\" alt=\"Logo of Northwind &lt;Solutions&gt;\">"));
    }

    #[test]
    fn urls_colours_and_contrast() {
        assert_eq!(
            safe_url("https://a.example/x?y=1", false),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(
            safe_url(" HTTP://a.example ", false),
            Some("HTTP://a.example")
        );
        assert_eq!(safe_url("mailto:a@b.example", false), None);
        assert_eq!(
            safe_url("mailto:a@b.example", true),
            Some("mailto:a@b.example")
        );
        for bad in [
            "javascript:alert(1)",
            "//a.example",
            "https://",
            "https://a b",
            "https://a<b",
            "vbscript:x",
            "/relative",
        ] {
            assert_eq!(safe_url(bad, true), None, "{bad}");
        }
        assert_eq!(safe_colour("#FA0"), Some("#ffaa00".into()));
        assert_eq!(safe_colour("#0f766E"), Some("#0f766e".into()));
        for bad in ["red", "#12345", "#ggg", "#fff;}body{", "0f766e"] {
            assert_eq!(safe_colour(bad), None, "{bad}");
        }
        assert_eq!(on_colour("#ffaa00"), "#000000");
        assert_eq!(on_colour("#0f766e"), "#ffffff");
        let bad = Brand {
            colour: Some("red;}*{x:y".into()),
            ..brand()
        };
        assert_eq!(bad.colour(), DEFAULT_COLOUR);
    }

    #[test]
    fn the_dark_switch_forces_exactly_the_dark_rules() {
        let html = page(vec![Block::Text { text: "x".into() }]);
        assert_eq!(html.matches(DARK_RULES).count(), 1);
        let dark = in_dark(&html);
        assert_eq!(dark.replacen("@media all{", DARK_RULES, 1), html);
    }

    #[test]
    fn unknown_placeholders_stay_as_written() {
        let b = brand();
        assert_eq!(
            b.fill("{nope} {partner.phone} {", "L", false),
            "{nope} +1 555 0100 {"
        );
        assert_eq!(
            b.fill("{link}", "https://t.example/l", true),
            "https://t.example/l"
        );
    }

    #[test]
    fn the_form_keeps_values_escaped_and_marks_errors() {
        let content = Content {
            page: vec![Slot {
                block: Block::Text { text: "x".into() },
                editable: false,
            }],
            ..Content::default()
        };
        let brand = brand();
        let form = FormState {
            fields: LeadFields {
                name: "\"><script>x</script>".into(),
                ..LeadFields::default()
            },
            errors: vec![("email".into(), "Enter an email address.".into())],
            sent: false,
        };
        let html = Renderer {
            content: &content,
            brand: &brand,
            link: "#lead",
            locale: Locale::En,
        }
        .render(
            Part::Page,
            &Medium::Page {
                action: "/c/n/s".into(),
                ended: true,
                form,
            },
        );
        assert!(html.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"lead-email-err\""));
        assert!(html.contains("This campaign has ended."));
        assert!(html.contains("name=\"website\""));
    }

    #[test]
    fn an_email_has_its_unsubscribe_link_and_pixel() {
        let content = Content {
            subject: "News from {partner.name}".into(),
            email: vec![Slot {
                block: Block::Text { text: "Hi".into() },
                editable: false,
            }],
            ..Content::default()
        };
        let brand = brand();
        let html = Renderer {
            content: &content,
            brand: &brand,
            link: "https://t.example/l",
            locale: Locale::De,
        }
        .render(
            Part::Email,
            &Medium::Email {
                unsubscribe: "https://p.example/u/abc".into(),
                pixel: Some("https://p.example/o/abc".into()),
                clicks: None,
            },
        );
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"de\">"));
        assert!(html.contains("<a href=\"https://p.example/u/abc\">Abbestellen</a>"));
        assert!(html
            .contains("<img src=\"https://p.example/o/abc\" width=\"1\" height=\"1\" alt=\"\">"));
        assert!(!html.contains("<form"));
    }

    #[test]
    fn an_email_tracks_its_web_links_by_number() {
        let content = Content {
            subject: "News".into(),
            email: vec![
                Slot {
                    block: Block::Button {
                        label: "Book".into(),
                        href: "{link}".into(),
                    },
                    editable: false,
                },
                Slot {
                    block: Block::Columns {
                        left: vec![Block::Button {
                            label: "Site".into(),
                            href: "{partner.website}".into(),
                        }],
                        right: vec![Block::Button {
                            label: "Mail".into(),
                            href: "{partner.email}".into(),
                        }],
                    },
                    editable: false,
                },
            ],
            ..Content::default()
        };
        let brand = brand();
        let renderer = Renderer {
            content: &content,
            brand: &brand,
            link: "https://p.example/c/northwind/offer",
            locale: Locale::En,
        };
        assert_eq!(
            renderer.links(Part::Email),
            [
                "https://p.example/c/northwind/offer",
                "https://northwind.example"
            ],
            "web links only, in order; the mail link is no redirect"
        );
        let html = renderer.render(
            Part::Email,
            &Medium::Email {
                unsubscribe: "https://p.example/e/tok/unsubscribe".into(),
                pixel: None,
                clicks: Some("https://p.example/e/tok/".into()),
            },
        );
        assert!(html.contains("href=\"https://p.example/e/tok/0\">Book</a>"));
        assert!(html.contains("href=\"https://p.example/e/tok/1\">Site</a>"));
        assert!(html.contains("href=\"mailto:ava@northwind.example\">Mail</a>"));
        assert!(!html.contains("href=\"https://northwind.example\" class"));
        let text = renderer.text_version(Part::Email, "https://p.example/e/tok/unsubscribe");
        assert!(text.contains("Book: https://p.example/c/northwind/offer"));
        assert!(text.ends_with("Unsubscribe: https://p.example/e/tok/unsubscribe"));
        assert!(
            text.contains("— Northwind <Solutions>"),
            "plain text, unescaped"
        );
        assert!(!text.contains("href"));
    }
}
