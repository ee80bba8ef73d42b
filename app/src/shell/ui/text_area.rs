//! A multi-line text field that shows stored text safely.
//!
//! The renderer (tachys 0.2) writes the children of a text area, like those
//! of scripts and styles, without escaping them. Stored text such as
//! `</textarea><img src=x>` would end the field and become markup. Here the
//! text is escaped before it is written; the browser shows the characters
//! as typed (a textarea decodes entities), and submits them unchanged.

use leptos::prelude::*;

use super::input_class;

/// `text` with `&`, `<` and `>` written as entities: safe inside any
/// element whose children are printed raw.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A `<textarea>` with the kit's look. `value` is what it holds when the
/// page is drawn (stored text is welcome: it is escaped on the server).
#[component]
pub fn TextArea(
    /// The form field's name.
    #[prop(into)]
    name: String,
    /// Visible lines.
    #[prop(default = 3)]
    rows: u32,
    /// The most characters the browser lets a person type.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// The text it holds.
    #[prop(optional, into)]
    value: String,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    // On the server the text becomes HTML source, so it is escaped; in the
    // browser it is set as a text node, which needs no escaping.
    #[cfg(feature = "ssr")]
    let value = escape_text(&value);
    view! {
        <textarea name=name rows=rows maxlength=maxlength required=required class=input_class()>{value}</textarea>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_written_as_entities() {
        assert_eq!(
            escape_text("</textarea><img src=x onerror=alert(1)> & more"),
            "&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more"
        );
        assert_eq!(
            escape_text("plain text, \"quoted\""),
            "plain text, \"quoted\""
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn stored_text_cannot_close_the_field() {
        let html = view! { <TextArea name="description" value="</textarea><meta http-equiv=refresh content=0>" /> }
            .to_html();
        assert!(html.contains("&lt;/textarea&gt;&lt;meta"), "{html}");
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(!html.contains("<meta"), "{html}");
    }
}
