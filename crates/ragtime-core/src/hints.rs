//! Fixes suggested for hand edits, written so they can be pasted back:
//! a status typed as words (`on target`) becomes the status word
//! (`"on-target"`), and a date written the British way (`30/09/2025`)
//! becomes a TOML date (`2025-09-30`).

use chrono::NaiveDate;

use crate::diag::did_you_mean;
use crate::model::Status;

/// The text to suggest in quotes for an unquoted `written` value of `key`:
/// for `status`, the status word meant; otherwise the text as written.
pub(crate) fn quoted_value(key: Option<&str>, written: &str) -> String {
    let written = written.trim();
    if key != Some("status") {
        return written.to_string();
    }
    let word = written.to_lowercase().replace([' ', '_'], "-");
    if word.parse::<Status>().is_ok() {
        return word;
    }
    did_you_mean(&word, Status::words()).map_or(word.clone(), str::to_string)
}

/// A date written day first (`30/09/2025`, `30-9-2025`, `30.09.2025`) or
/// year first with other separators (`2025/09/30`), as a TOML date
/// (`2025-09-30`); `None` if it is not a real date written so.
pub fn iso_date(written: &str) -> Option<String> {
    let parts: Vec<&str> = written.trim().split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| (!s.is_empty() && s.len() <= 4).then(|| s.parse::<u32>().ok())?;
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let (year, month, day) = if a > 31 { (a, b, c) } else { (c, b, a) };
    if year < 1000 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::plan_with;

    #[test]
    fn statuses_typed_as_words_become_the_status_word() {
        assert_eq!(quoted_value(Some("status"), "on target"), "on-target");
        assert_eq!(quoted_value(Some("status"), "At Risk"), "at-risk");
        assert_eq!(
            quoted_value(Some("status"), "not on targt"),
            "not-on-target"
        );
        assert_eq!(
            quoted_value(Some("role"), "Head of Fostering"),
            "Head of Fostering"
        );
    }

    #[test]
    fn british_dates_become_toml_dates() {
        assert_eq!(iso_date("30/09/2025").as_deref(), Some("2025-09-30"));
        assert_eq!(iso_date("1/4/2025").as_deref(), Some("2025-04-01"));
        assert_eq!(iso_date("31.03.2026").as_deref(), Some("2026-03-31"));
        assert_eq!(iso_date("2025/09/30").as_deref(), Some("2025-09-30"));
        assert_eq!(iso_date("31/02/2025"), None);
        assert_eq!(iso_date("30/09/25"), None);
        assert_eq!(iso_date("Q2"), None);
    }

    /// Regression: `status = on target` was told `status = "on target"`,
    /// which is not a status either.
    #[test]
    fn the_hint_for_an_unquoted_status_is_a_status() {
        let plans = plan_with("status = \"at-risk\"", "status = on target");
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("put text in double quotes: `status = \"on-target\"`")
        );
    }

    /// Regression: a date written `30/09/2025` got no hint, or a made-up
    /// date, not the date written in the TOML form.
    #[test]
    fn the_hint_for_a_british_date_is_the_same_date() {
        let plans = plan_with("due = 2025-06-30\n", "due = 30/09/2025\n");
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("write dates year first, without quotes: `due = 2025-09-30`")
        );
        let plans = plan_with("due = 2025-06-30\n", "due = \"30/09/2025\"\n");
        assert_eq!(
            plans.diagnostics[0].help.as_deref(),
            Some("write dates year first, without quotes: `due = 2025-09-30`")
        );
    }
}
