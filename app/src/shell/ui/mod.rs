//! The UI kit: the building blocks pages are made of. Every text area is
//! written by [`TextArea`]; a test (`raw_text_contexts`) keeps it so.

mod text_area;

pub use text_area::{escape_text, TextArea};

/// The classes of a text input, select or text area.
pub fn input_class() -> &'static str {
    "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-teal-600 focus:outline-2 focus:outline-teal-600 dark:border-slate-700 dark:bg-slate-900"
}

#[cfg(test)]
mod raw_text_contexts;
