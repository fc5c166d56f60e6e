//! The record a return is made with (a hidden, protected sheet): whose
//! return it is, for which quarter, and what each milestone's log held,
//! read back when the return is imported.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{RECORD_FORMAT, RECORD_TITLE};
use crate::diag::Code;
use crate::period::Quarter;
use crate::sheet::{CellRef, Grid, Problem, Value};

/// What the return was made from, as its record sheet says.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The owner it was made for.
    pub owner: String,
    pub period: Quarter,
    /// For each milestone id: what its log held when the return was made.
    pub known: BTreeMap<String, Known>,
}

/// What a milestone's log held when the return was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub log_entries: usize,
    pub last_update: Option<NaiveDate>,
}

/// Reads the record sheet a return was made with.
pub fn read_record(grid: &Grid) -> Result<Record, Box<Problem>> {
    let damaged = |what: &str| {
        Box::new(Problem::new(
            Code::NotAReturn,
            grid.place_of_sheet(),
            format!("the return's record is damaged: {what}"),
        )
        .help(
            "import the workbook as `ragtime returns make` wrote it and the owner filled it in; \
             the record sheet is not to be edited",
        ))
    };
    let text = |r: u32, c: u32| grid.get(CellRef::new(r, c)).shown().trim().to_string();
    if text(0, 0) != RECORD_TITLE {
        return Err(damaged("its first cell does not name it"));
    }
    let format = grid.get(CellRef::new(1, 1));
    if format != &Value::Number(f64::from(RECORD_FORMAT)) && text(1, 1) != RECORD_FORMAT.to_string()
    {
        return Err(damaged("it is of a layout this version does not read"));
    }
    let owner = text(2, 1);
    if owner.is_empty() {
        return Err(damaged("no owner"));
    }
    let period: Quarter = text(3, 1).parse().map_err(|_| damaged("no quarter"))?;
    let mut known = BTreeMap::new();
    for r in 6..grid.height() {
        let id = text(r, 0);
        if id.is_empty() {
            continue;
        }
        let log_entries = match grid.get(CellRef::new(r, 1)) {
            Value::Number(n) if n.fract() == 0.0 && *n >= 0.0 => *n as usize,
            Value::Text(t) => t
                .trim()
                .parse()
                .map_err(|_| damaged("a count of log entries"))?,
            _ => return Err(damaged("a count of log entries")),
        };
        let last_update = match text(r, 2).as_str() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| damaged("a last update date"))?,
            ),
        };
        known.insert(
            id,
            Known {
                log_entries,
                last_update,
            },
        );
    }
    Ok(Record {
        owner,
        period,
        known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s.into())
        }
    }

    #[test]
    fn the_record_says_what_the_return_was_made_from() {
        let g = Grid {
            book: "r.xlsx".into(),
            sheet: Some("Record".into()),
            rows: vec![
                vec![text(RECORD_TITLE)],
                vec![text("format"), Value::Number(1.0)],
                vec![text("owner"), text("lead")],
                vec![text("period"), text("2025/26 Q3")],
                vec![],
                vec![text("id"), text("log entries"), text("last update")],
                vec![text("M1"), Value::Number(2.0), text("2025-06-30")],
                vec![text("M2"), Value::Number(0.0)],
            ],
            ..Grid::default()
        };
        let record = read_record(&g).unwrap();
        assert_eq!(record.owner, "lead");
        assert_eq!(record.period.to_string(), "2025/26 Q3");
        assert_eq!(record.known["M1"].log_entries, 2);
        assert_eq!(record.known["M2"].last_update, None);
        let mut bad = g.clone();
        bad.rows[3][1] = text("next quarter");
        assert_eq!(read_record(&bad).unwrap_err().code, Code::NotAReturn);
    }
}
