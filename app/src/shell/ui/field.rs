//! Form fields: a label, the control, an optional hint and an optional
//! error, wired together so a screen reader reads all three.

use leptos::prelude::*;

use super::input_class;

/// Text that may be absent: what `hint`, `error`, `value` and `selected`
/// take. A `&str` or `String` is the text; an `Option<String>` (say, the
/// server's message for the field) may be `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MaybeText(pub Option<String>);

impl From<&str> for MaybeText {
    fn from(text: &str) -> Self {
        MaybeText(Some(text.to_owned()))
    }
}

impl From<String> for MaybeText {
    fn from(text: String) -> Self {
        MaybeText(Some(text))
    }
}

impl From<Option<String>> for MaybeText {
    fn from(text: Option<String>) -> Self {
        MaybeText(text)
    }
}

impl From<Option<&str>> for MaybeText {
    fn from(text: Option<&str>) -> Self {
        MaybeText(text.map(str::to_owned))
    }
}

/// The `aria-describedby` of a field with the id `id`: its hint's id
/// (`{id}-hint`) and its error's (`{id}-error`), those it has; `None`
/// when it has neither.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    match (has_hint, has_error) {
        (false, false) => None,
        (true, false) => Some(format!("{id}-hint")),
        (false, true) => Some(format!("{id}-error")),
        (true, true) => Some(format!("{id}-hint {id}-error")),
    }
}

/// The hint and the error under a control, with the ids
/// [`described_by`] names.
fn notes(id: &str, hint: Option<String>, error: Option<String>) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    view! {
        {hint.map(|hint| view! {
            <p id=hint_id class="mt-1 text-sm text-slate-600 dark:text-slate-300">{hint}</p>
        })}
        {error.map(|error| view! {
            <p id=error_id class="mt-1 text-sm font-medium text-rose-700 dark:text-rose-300">{error}</p>
        })}
    }
}

/// A labelled `<input>`; `error` marks it invalid and says why, `hint`
/// says what to type. `kind` is its `type` ("text" when not given).
#[component]
pub fn Field(
    #[prop(into)] label: String,
    /// The form field's name (`deal[value]`).
    #[prop(into)]
    name: String,
    /// Unique on the page; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: &'static str,
    /// The keyboard a phone shows ("numeric" for a code).
    #[prop(optional)]
    inputmode: &'static str,
    #[prop(optional, into)] minlength: Option<u32>,
    #[prop(optional, into)] maxlength: Option<u32>,
    /// Bounds of a number or date field.
    #[prop(optional, into)]
    min: MaybeText,
    #[prop(optional, into)] max: MaybeText,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: &'static str,
    /// An example of what to type, shown while the field is empty.
    #[prop(optional, into)]
    placeholder: MaybeText,
    /// Typed exactly as given (a code): no capital first letter, no
    /// spelling marks.
    #[prop(optional)]
    literal: bool,
    /// The label is read by screen readers but not shown (a search box
    /// whose button says what it is for).
    #[prop(optional)]
    label_hidden: bool,
    /// What it holds when the page is drawn.
    #[prop(optional, into)]
    value: MaybeText,
    #[prop(optional, into)] hint: MaybeText,
    #[prop(optional, into)] error: MaybeText,
) -> impl IntoView {
    let kind = if kind.is_empty() { "text" } else { kind };
    let autocomplete = (!autocomplete.is_empty()).then_some(autocomplete);
    let inputmode = (!inputmode.is_empty()).then_some(inputmode);
    let list = (!list.is_empty()).then_some(list);
    let (autocapitalize, spellcheck) = if literal {
        (Some("off"), Some("false"))
    } else {
        (None, None)
    };
    let label_class = if label_hidden {
        "sr-only"
    } else {
        "block text-sm font-medium"
    };
    let (hint, error) = (hint.0, error.0);
    let described = described_by(&id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div>
            <label for=id.clone() class=label_class>{label}</label>
            <input
                id=id.clone()
                type=kind
                name=name
                value=value.0
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                minlength=minlength
                maxlength=maxlength
                min=min.0
                max=max.0
                list=list
                placeholder=placeholder.0
                autocapitalize=autocapitalize
                spellcheck=spellcheck
                aria-invalid=invalid
                aria-describedby=described
                class=input_class()
            />
            {notes(&id, hint, error)}
        </div>
    }
}

/// The (value, label) pairs a [`SelectField`] takes, from borrowed text
/// (a `text_enum!`'s `code()` and `label()`).
pub fn options<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|(value, label)| (value.to_owned(), label.to_owned()))
        .collect()
}

/// A labelled `<select>` of `options` (value, label), with the same hint
/// and error wiring as [`Field`]; `selected` is the chosen value.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: MaybeText,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: MaybeText,
    #[prop(optional, into)] error: MaybeText,
) -> impl IntoView {
    let (hint, error, selected) = (hint.0, error.0, selected.0);
    let described = described_by(&id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let chosen = selected.as_deref() == Some(value.as_str());
            view! { <option value=value selected=chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div>
            <label for=id.clone() class="block text-sm font-medium">{label}</label>
            <select
                id=id.clone()
                name=name
                required=required
                aria-invalid=invalid
                aria-describedby=described
                class=input_class()
            >
                {options}
            </select>
            {notes(&id, hint, error)}
        </div>
    }
}

/// A labelled group of checkboxes for choosing several of `options`
/// (value, label), with the same hint and error wiring as [`Field`]. The
/// boxes are named `{name}[0]`, `{name}[1]`, … so a form without
/// One checkbox or radio button with its label, drawn as a tile that is
/// highlighted while it is ticked; long words wrap inside it.
#[component]
pub fn ChoiceTile(
    #[prop(into)] id: String,
    /// `"checkbox"` or `"radio"`.
    kind: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(optional)] checked: bool,
    #[prop(into)] text: String,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label for=label_for class="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-teal-600 has-[:checked]:bg-teal-50 dark:border-slate-700 dark:has-[:checked]:bg-teal-950">
            <input id=id type=kind name=name value=value checked=checked class="size-4 shrink-0 accent-teal-700" />
            <span class="min-w-0 hyphens-auto break-words">{text}</span>
        </label>
    }
}

/// JavaScript sends the ticked values as a list.
#[component]
pub fn CheckboxGroup(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    /// Unique on the page; each box's id is `{id}-{value}`.
    #[prop(into)]
    id: String,
    options: Vec<(String, String)>,
    /// The values ticked when the page is drawn.
    #[prop(optional)]
    checked: Vec<String>,
    #[prop(optional, into)] hint: MaybeText,
    #[prop(optional, into)] error: MaybeText,
) -> impl IntoView {
    let (hint, error) = (hint.0, error.0);
    let described = described_by(&id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let box_id = format!("{id}-{value}");
            let ticked = checked.contains(&value);
            view! { <ChoiceTile id=box_id kind="checkbox" name=format!("{name}[{i}]") value checked=ticked text /> }
        })
        .collect_view();
    view! {
        <fieldset aria-describedby=described aria-invalid=invalid>
            <legend class="block text-sm font-medium">{label}</legend>
            <div class="mt-1 grid grid-cols-2 gap-2 lg:grid-cols-3">{boxes}</div>
            {notes(&id, hint, error)}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_by_the_notes_present() {
        assert_eq!(described_by("value", false, false), None);
        assert_eq!(
            described_by("value", true, false).as_deref(),
            Some("value-hint")
        );
        assert_eq!(
            described_by("value", false, true).as_deref(),
            Some("value-error")
        );
        assert_eq!(
            described_by("value", true, true).as_deref(),
            Some("value-hint value-error")
        );
    }

    #[test]
    fn maybe_text_takes_text_or_an_option() {
        assert_eq!(MaybeText::from("a"), MaybeText(Some("a".to_owned())));
        assert_eq!(MaybeText::from("b".to_owned()).0.as_deref(), Some("b"));
        assert_eq!(MaybeText::from(None::<String>), MaybeText::default());
        assert_eq!(MaybeText::from(Some("c")).0.as_deref(), Some("c"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_error_marks_the_input_and_is_named_by_it() {
        let html = view! {
            <Field label="Value" name="deal[value]" id="value" hint="In euros" error=Some("Too small".to_owned()) />
        }
        .to_html();
        assert!(
            html.contains(r#"aria-describedby="value-hint value-error""#),
            "{html}"
        );
        assert!(html.contains(r#"aria-invalid="true""#), "{html}");
        assert!(html.contains(r#"id="value-error""#), "{html}");
        assert!(html.contains(r#"type="text""#), "{html}");

        let plain = view! { <Field label="Name" name="name" id="name" /> }.to_html();
        assert!(
            !plain.contains("aria-describedby") && !plain.contains("aria-invalid"),
            "{plain}"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_chosen_option_is_selected() {
        let options = vec![
            ("eur".to_owned(), "EUR".to_owned()),
            ("usd".to_owned(), "USD".to_owned()),
        ];
        let html = view! { <SelectField label="Currency" name="currency" id="currency" options=options selected="usd" /> }
            .to_html();
        assert!(html.contains(r#"value="usd" selected"#), "{html}");
        assert!(!html.contains(r#"value="eur" selected"#), "{html}");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn checkboxes_are_numbered_so_a_form_sends_a_list() {
        let options = vec![
            ("retail".to_owned(), "Retail".to_owned()),
            ("energy".to_owned(), "Energy".to_owned()),
        ];
        let html = view! {
            <CheckboxGroup label="Industries" name="a[industries]" id="industries" options checked=vec!["energy".to_owned()] error=Some("Choose one".to_owned()) />
        }
        .to_html();
        assert!(
            html.contains(r#"name="a[industries][0]" value="retail""#),
            "{html}"
        );
        assert!(
            html.contains(r#"name="a[industries][1]" value="energy" checked"#),
            "{html}"
        );
        assert!(!html.contains(r#"value="retail" checked"#), "{html}");
        assert!(
            html.contains(r#"aria-describedby="industries-error""#),
            "{html}"
        );
    }
}
