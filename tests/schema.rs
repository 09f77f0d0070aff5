//! The JSON Schemas under `schema/` (rule files, factlint.toml,
//! sources.toml): regenerated from the code and compared with the committed
//! files (FACTLINT_BLESS=1 rewrites them), then every real file of the
//! repository of each kind is validated against its schema, so a schema
//! that would flag a valid file in an editor fails here.

mod common;

use common::root;
use std::path::{Path, PathBuf};

#[test]
fn committed_schemas_are_fresh() {
    for (name, schema) in factlint::schema::all() {
        let path = root().join("schema").join(name);
        let fresh = factlint::schema::render(&schema);
        if std::env::var_os("FACTLINT_BLESS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "schema/{name} is stale: run `FACTLINT_BLESS=1 cargo test --test schema`"
        );
    }
}

fn toml_files(dir: &Path, name: &dyn Fn(&str) -> bool, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            toml_files(&path, name, out);
        } else if name(&file) {
            out.push(path);
        }
    }
}

/// TOML as JSON: dates become YYYY-MM-DD strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(to_json).collect())
        }
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
        other => serde_json::to_value(other).unwrap(),
    }
}

fn validate(schema: &serde_json::Value, files: &[PathBuf]) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    let mut errors = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        let value: toml::Value = toml::from_str(&text).unwrap();
        let json = to_json(value);
        for e in validator.iter_errors(&json) {
            errors.push(format!(
                "{}: {} at {}",
                path.display(),
                e,
                e.instance_path()
            ));
        }
    }
    errors
}

#[test]
fn real_files_validate_against_their_schemas() {
    let mut rules = Vec::new();
    toml_files(&root().join("rules"), &|f| f.ends_with(".toml"), &mut rules);
    rules.push(root().join("src/cli/templates/example.toml"));
    for fixture in [
        "editors/rules",
        "vote/rules",
        "agree/rules",
        "conflict/rules",
    ] {
        toml_files(
            &root().join("tests/fixtures").join(fixture),
            &|f| f.ends_with(".toml"),
            &mut rules,
        );
    }
    assert!(rules.len() >= 8, "{rules:?}");
    let errors = validate(&factlint::schema::rules(), &rules);
    assert!(errors.is_empty(), "{errors:#?}");

    let configs = vec![
        root().join("factlint.toml"),
        root().join("src/cli/templates/factlint.toml"),
    ];
    let errors = validate(&factlint::schema::config(), &configs);
    assert!(errors.is_empty(), "{errors:#?}");

    let mut manifests = Vec::new();
    toml_files(
        &root().join("seeds"),
        &|f| f == "sources.toml",
        &mut manifests,
    );
    // Every manifest of the test fixtures but the broken-input ones.
    let mut fixtures = Vec::new();
    toml_files(
        &root().join("tests/fixtures"),
        &|f| f == "sources.toml",
        &mut fixtures,
    );
    manifests.extend(
        fixtures
            .into_iter()
            .filter(|p| !p.to_string_lossy().contains("/fixtures/bad/")),
    );
    assert!(manifests.len() >= 8, "{manifests:?}");
    let errors = validate(&factlint::schema::sources(), &manifests);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schemas_reject_what_the_loaders_reject() {
    let rule = |text: &str| {
        let json = to_json(toml::from_str(text).unwrap());
        jsonschema::validator_for(&factlint::schema::rules())
            .unwrap()
            .is_valid(&json)
    };
    assert!(rule("[[fact]]\nid = \"a\"\nclaim = \"c\"\nkind = \"quantity\"\nunit = \"km\"\npatterns = ['(?P<value>x)']\n"));
    // `unit` belongs to quantity, not number; `kind` must be known; `id` is required.
    assert!(!rule(
        "[[fact]]\nid = \"a\"\nclaim = \"c\"\nkind = \"number\"\nunit = \"km\"\n"
    ));
    assert!(!rule(
        "[[fact]]\nid = \"a\"\nclaim = \"c\"\nkind = \"distance\"\n"
    ));
    assert!(!rule("[[fact]]\nclaim = \"c\"\nkind = \"number\"\n"));
    let config = |text: &str| {
        let json = to_json(toml::from_str(text).unwrap());
        jsonschema::validator_for(&factlint::schema::config())
            .unwrap()
            .is_valid(&json)
    };
    assert!(config(
        "corpus = \"articles\"\nformat = \"concise\"\n[lint]\nignore = [\"no-example\"]\n"
    ));
    assert!(!config("format = \"html\"\n"));
    assert!(!config("fail-on = \"error\"\n"));
}
