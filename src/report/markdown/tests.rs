//! Unit tests of `report::markdown`.

use super::*;

#[test]
fn rule_locations_become_line_links() {
    let target = Target {
        dir: Some("reports".into()),
    };
    assert_eq!(
        rule_link("rules/a.toml:12:6", &target),
        "[rules/a.toml:12](../rules/a.toml#L12)"
    );
    assert_eq!(rule_link("odd", &target), "`odd`");
}
