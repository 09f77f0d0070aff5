//! placeholder
use super::{Kind, Normalizer};
pub struct ChoiceKind;
impl Kind for ChoiceKind {
    fn name(&self) -> &'static str { "choice" }
    fn options(&self) -> &'static [&'static str] { &[] }
    fn build(&self, _o: &toml::Table) -> Result<Box<dyn Normalizer>, String> { Err("todo".into()) }
}
