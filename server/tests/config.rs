//! Leptos.toml (read by the binary at run time) and Cargo.toml (read by
//! cargo-leptos at build time) must agree wherever both set a value.

use std::path::Path;

fn load(file: &str) -> toml::Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    text.parse().unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn leptos_toml_agrees_with_cargo_toml() {
    let cargo = load("Cargo.toml");
    let build = cargo["workspace"]["metadata"]["leptos"].as_array().unwrap()[0]
        .as_table()
        .unwrap()
        .clone();
    let runtime = load("Leptos.toml")["package"]["metadata"]["leptos"]
        .as_table()
        .unwrap()
        .clone();
    let mut compared = 0;
    for (key, value) in &runtime {
        // `env` differs on purpose: DEV while building, PROD when serving.
        if key == "env" {
            continue;
        }
        let built = build
            .get(key)
            .unwrap_or_else(|| panic!("Leptos.toml sets `{key}`, Cargo.toml does not"));
        assert_eq!(
            built, value,
            "`{key}` differs between Cargo.toml and Leptos.toml"
        );
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} keys compared");
}

#[test]
fn the_binary_reads_leptos_toml() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Leptos.toml");
    let conf = leptos::prelude::get_configuration(Some(path.to_str().unwrap())).unwrap();
    let options = conf.leptos_options;
    assert_eq!(&*options.output_name, "trellis");
    assert_eq!(&*options.site_root, "target/site");
    assert_eq!(&*options.site_pkg_dir, "pkg");
    assert!(options.hash_files);
}
