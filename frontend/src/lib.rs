//! The browser entry point: hydrate the islands (the interactive parts of
//! the server-rendered pages) and nothing else.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::hydrate_islands();
}
