//! The numbers the parser lets through but cannot read (`0b` with no
//! digits, digits from other scripts, ...), each a finding at its place.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, Loc};

use super::places::clamp;

/// Reports integers and floats the parser let through but cannot read
/// (`0b` with no digits, digits from other scripts, ...).
pub(crate) fn check_numbers(
    file: FileId,
    text: &str,
    table: &DeTable<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    for value in table.values() {
        check_number(file, text, value, diags);
    }
}

fn check_number(
    file: FileId,
    text: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) {
    let bad = match value.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .is_err()
            .then_some("integer"),
        DeValue::Float(f) => {
            // As the parser reads them: infinity only when written `inf`.
            let ok = f
                .as_str()
                .parse::<f64>()
                .is_ok_and(|v| !v.is_infinite() || f.as_str().contains("inf"));
            (!ok).then_some("number")
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check_number(file, text, item, diags);
            }
            None
        }
        DeValue::Table(table) => {
            check_numbers(file, text, table, diags);
            None
        }
        _ => None,
    };
    if let Some(what) = bad {
        let span = clamp(value.span(), text);
        let written = text.get(span.clone()).unwrap_or_default();
        diags.push(
            Diagnostic::new(
                Code::Syntax,
                Loc::new(file, span),
                format!("invalid {what} `{written}`"),
            )
            .label("not a number TOML can read")
            .help("write numbers with the digits 0 to 9, e.g. `percent = 40`"),
        );
    }
}
