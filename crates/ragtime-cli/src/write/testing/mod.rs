//! Hand-built documents for checking the writers, one a file: a made-up
//! but realistic board pack using every kind of cell, row and chart
//! (`board_pack.rs`), and a document whose every piece of text is hostile
//! (`hostile.rs`), built from the small pieces in `cells.rs`. Only the
//! writers' unit tests use them; the binary's tests use real board packs.

mod board_pack;
mod cells;
mod hostile;

pub use board_pack::board_pack;
pub use hostile::{SCRIPT, hostile};
