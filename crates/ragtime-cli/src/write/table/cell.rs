//! A cell as the terminal writes it: in words, with a numbered marker on a
//! flagged rating whose reason is listed under the table.

use ragtime_core::report::Cell;

use crate::write::cells::{DateStyle, normalise_newlines, plain};

/// Numbers flagged ratings in the order they are met, so the marker in a
/// row and the line under the table agree.
#[derive(Debug, Default)]
pub struct Markers {
    count: usize,
}

/// The cell's text. A flagged rating reads "Red [2]", its reason kept for
/// the list under the table.
pub fn cell_text(cell: &Cell, markers: &mut Markers) -> String {
    match cell {
        Cell::Rag(r) if r.flag.is_some() => {
            markers.count += 1;
            format!("{} [{}]", normalise_newlines(&r.label), markers.count)
        }
        Cell::Rag(r) => normalise_newlines(&r.label),
        other => normalise_newlines(&plain(other, DateStyle::Iso)),
    }
}
