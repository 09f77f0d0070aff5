//! `--format json`: the report as JSON, a contract for other tools. Field
//! names are documented in the README; serde of [`Report`] is the format.

use super::{Report, Reporter, Target};

pub struct Json;

impl Reporter for Json {
    fn render(&self, report: &Report, _target: &Target) -> String {
        let mut out = serde_json::to_string_pretty(report)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        out.push('\n');
        out
    }

    fn write(
        &self,
        report: &Report,
        _target: &Target,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        out.write_all(b"\n")
    }
}
