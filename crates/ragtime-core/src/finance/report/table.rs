//! What every money table shares: amounts in millions of pounds with as
//! many decimal places as the most precise needs, differences and shares
//! computed exactly in whole pence, and counts in words.

use crate::report::cells::col;
use crate::report::doc::*;
use crate::settings::Rounding;

use super::super::money::Money;

/// A value of a money table before the decimal places are chosen.
pub(super) enum Val {
    Cell(Cell),
    Money(Option<Money>),
}

/// Rows of values into table rows, every amount with the same number of
/// decimal places: enough for the most precise, at least one.
pub(super) fn money_table(columns: Vec<Column>, rows: Vec<(RowKind, Vec<Val>)>) -> Table {
    let decimals = rows
        .iter()
        .flat_map(|(_, vals)| vals)
        .filter_map(|v| match v {
            Val::Money(Some(m)) => Some(m.decimals_in_millions()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = rows
        .into_iter()
        .map(|(kind, vals)| Row {
            kind,
            cells: vals
                .into_iter()
                .map(|v| match v {
                    Val::Cell(c) => c,
                    Val::Money(None) => Cell::Empty,
                    Val::Money(Some(m)) => Cell::Number {
                        text: m.millions(decimals),
                        unit: None,
                    },
                })
                .collect(),
            illustrative: false,
        })
        .collect();
    Table { columns, rows }
}

pub(super) fn money_col(key: &str, heading: &str) -> Column {
    col(key, heading, Align::Right)
}

pub(super) fn diff(a: Money, b: Money) -> Option<Money> {
    a.checked_sub(b)
}

/// `part` of `whole` as a percentage rounded as the settings say, in whole
/// numbers (halves up); `None` for a whole of zero.
pub fn share(part: Money, whole: Money, rounding: Rounding) -> Option<Percent> {
    let (part, whole) = (i128::from(part.pence()), i128::from(whole.pence()));
    if whole <= 0 || part < 0 {
        return None;
    }
    let small = |x: i128| u32::try_from(x).ok();
    match rounding {
        Rounding::Down => small(part * 100 / whole).map(Percent::whole),
        Rounding::Nearest => small((part * 200 + whole) / (2 * whole)).map(Percent::whole),
        Rounding::OneDecimal => small((part * 2000 + whole) / (2 * whole)).map(Percent::tenths),
    }
}
