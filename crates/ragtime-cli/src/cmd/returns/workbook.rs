//! A return laid out as a workbook: the milestones sheet (what the return
//! says locked, the columns to fill in open, a drop-down of statuses), a
//! sheet of notes on how to fill it in, and the hidden, protected record
//! of what the return was made from. Computes nothing: every value comes
//! from the core's [`ReturnBook`].

use chrono::{Datelike, NaiveDate};
use ragtime_core::Status;
use ragtime_core::returns::{
    Column, MILESTONES_SHEET, NOTES_SHEET, RECORD_FORMAT, RECORD_SHEET, RECORD_TITLE, ReturnBook,
};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// The row the column headings are on (0-based); the rows above say whose
/// return it is and how to fill it in.
pub const HEADER_ROW: u32 = 4;
/// The fill of the cells to fill in.
const FILL_IN: u32 = 0xFFF2CC;

/// The workbook's bytes.
pub fn write(book: &ReturnBook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let end = date(book.period.end())?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Quarterly return {}: {}", book.period, book.owner))
            .set_creation_datetime(&end),
    );
    milestones(workbook.add_worksheet(), book, &end)?;
    notes(workbook.add_worksheet(), book)?;
    record(workbook.add_worksheet(), book)?;
    workbook.save_to_buffer()
}

fn date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| {
        XlsxError::ParameterError(format!("{d} is outside the dates a workbook holds"))
    })?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

fn col(c: Column) -> u16 {
    Column::ALL.iter().position(|&x| x == c).unwrap_or(0) as u16
}

fn width(c: Column) -> f64 {
    match c {
        Column::Id => 16.0,
        Column::Milestone | Column::LastNote | Column::Note | Column::Action => 40.0,
        Column::Strategy => 28.0,
        Column::Reason => 28.0,
        Column::StatusNow | Column::NewStatus => 15.0,
        _ => 13.0,
    }
}

fn milestones(
    sheet: &mut Worksheet,
    book: &ReturnBook,
    end: &ExcelDateTime,
) -> Result<(), XlsxError> {
    sheet.set_name(MILESTONES_SHEET)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let header_fill = header.clone().set_background_color(Color::RGB(FILL_IN));
    let locked = Format::new().set_text_wrap();
    let locked_date = Format::new().set_num_format("d mmm yyyy");
    let open = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_background_color(Color::RGB(FILL_IN));
    let open_date = open.clone().set_num_format("d mmm yyyy");

    sheet.write_string_with_format(
        0,
        0,
        format!(
            "Quarterly return, {} (to {})",
            book.period,
            long(book.period.end())
        ),
        &title,
    )?;
    sheet.write_string_with_format(
        1,
        0,
        format!("{}, {} ({})", book.role, book.org, book.owner),
        &bold,
    )?;
    sheet.write_string(
        2,
        0,
        format!(
            "Fill in the shaded columns for each milestone that has news, and leave the rest of \
             the row blank if it has none. See the sheet \"{NOTES_SHEET}\"."
        ),
    )?;
    for c in Column::ALL {
        let format = if c.is_filled_in() {
            &header_fill
        } else {
            &header
        };
        sheet.write_string_with_format(HEADER_ROW, col(c), c.heading(), format)?;
        sheet.set_column_width(col(c), width(c))?;
    }
    let first = HEADER_ROW + 1;
    for (i, r) in book.rows.iter().enumerate() {
        let row = first + i as u32;
        sheet.write_string_with_format(row, col(Column::Id), &r.id, &locked)?;
        sheet.write_string_with_format(row, col(Column::Milestone), &r.title, &locked)?;
        sheet.write_string_with_format(row, col(Column::Strategy), &r.strategy, &locked)?;
        sheet.write_string_with_format(
            row,
            col(Column::StatusNow),
            r.status_now.as_str(),
            &locked,
        )?;
        sheet.write_datetime_with_format(
            row,
            col(Column::DueNow),
            date(r.due_now)?,
            &locked_date,
        )?;
        match r.last_update {
            Some(d) => sheet.write_datetime_with_format(
                row,
                col(Column::LastUpdate),
                date(d)?,
                &locked_date,
            )?,
            None => sheet.write_blank(row, col(Column::LastUpdate), &locked)?,
        };
        sheet.write_string_with_format(
            row,
            col(Column::LastNote),
            r.last_note.as_deref().unwrap_or(""),
            &locked,
        )?;
        for c in [
            Column::NewStatus,
            Column::Note,
            Column::Percent,
            Column::RevisedDue,
            Column::Reason,
            Column::Action,
        ] {
            let format = if c == Column::RevisedDue {
                &open_date
            } else {
                &open
            };
            sheet.write_blank(row, col(c), format)?;
        }
        sheet.write_datetime_with_format(row, col(Column::UpdateDate), end, &open_date)?;
        let lines = [
            (Column::Milestone, r.title.as_str()),
            (Column::Strategy, r.strategy.as_str()),
            (Column::LastNote, r.last_note.as_deref().unwrap_or("")),
        ]
        .iter()
        .map(|(c, text)| crate::write::xlsx::lines(text, width(*c)))
        .max()
        .unwrap_or(1);
        // Spreadsheet programs do not all grow a row to its wrapped text.
        sheet.set_row_height(row, 15 * lines.max(2))?;
    }
    if !book.rows.is_empty() {
        let last = first + book.rows.len() as u32 - 1;
        validations(sheet, first, last)?;
        sheet.autofilter(HEADER_ROW, 0, last, col(Column::UpdateDate))?;
    }
    sheet.set_freeze_panes(first, col(Column::Milestone) + 1)?;
    crate::write::xlsx::print_setup(sheet, Some(HEADER_ROW))?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        sort: false,
        ..ProtectionOptions::new()
    });
    sheet.set_active(true);
    Ok(())
}

/// The drop-down of statuses and the checks a spreadsheet makes as the
/// lead types (Ragtime checks again on import).
fn validations(sheet: &mut Worksheet, first: u32, last: u32) -> Result<(), XlsxError> {
    let words: Vec<&str> = Status::words().collect();
    let status = DataValidation::new()
        .allow_list_strings(&words)?
        .set_input_title("New status")?
        .set_input_message("Pick the status now, or leave blank to keep the status now.")?
        .set_error_title("Not a status")?
        .set_error_message(format!("Pick one of: {}.", words.join(", ")))?;
    sheet.add_data_validation(
        first,
        col(Column::NewStatus),
        last,
        col(Column::NewStatus),
        &status,
    )?;
    let percent = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_error_title("Percent complete")?
        .set_error_message("A whole number from 0 to 100.")?;
    sheet.add_data_validation(
        first,
        col(Column::Percent),
        last,
        col(Column::Percent),
        &percent,
    )?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::GreaterThanOrEqualTo(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
        ))
        .set_error_title("A date")?
        .set_error_message("Type a date, e.g. 31/12/2025.")?;
    for c in [Column::RevisedDue, Column::UpdateDate] {
        sheet.add_data_validation(first, col(c), last, col(c), &dates)?;
    }
    Ok(())
}

/// "31 December 2025".
fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn notes(sheet: &mut Worksheet, book: &ReturnBook) -> Result<(), XlsxError> {
    sheet.set_name(NOTES_SHEET)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_string_with_format(0, 0, "How to fill in this return", &title)?;
    let intro = [
        format!(
            "This is your return for {}: every milestone you own that is not yet complete or \
             cancelled. Record this quarter's progress on the sheet \"{MILESTONES_SHEET}\", save \
             the workbook and send it back as it is: same file type, sheets and columns.",
            book.period
        ),
        "Fill in only the shaded columns. A row with nothing filled in is no update: the \
         milestone is reported as not updated this quarter."
            .to_string(),
        "A completed milestone needs a note saying what was delivered; a cancelled one a note \
         saying why. A revised due date needs a reason. Nothing is ever deleted: a milestone \
         that is no longer wanted is cancelled."
            .to_string(),
        "Do not change the Id column, rename the sheets or add rows for new milestones (ask the \
         performance team). Each row is checked when the return is imported; a row that breaks \
         a rule is sent back with the cell named, and nothing from the return is recorded \
         until it is put right."
            .to_string(),
    ];
    let mut row = 2;
    for text in intro {
        sheet.merge_range(row, 0, row, 1, &text, &wrap)?;
        sheet.set_row_height(row, 45)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Column", &bold)?;
    sheet.write_string_with_format(row, 1, "What to write", &bold)?;
    row += 1;
    for c in Column::ALL {
        sheet.write_string(row, 0, c.heading())?;
        sheet.write_string_with_format(row, 1, c.guidance(), &wrap)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Status", &bold)?;
    sheet.write_string_with_format(row, 1, "Means", &bold)?;
    row += 1;
    for status in Status::ALL {
        sheet.write_string(row, 0, status.as_str())?;
        sheet.write_string_with_format(row, 1, meaning(*status), &wrap)?;
        row += 1;
    }
    crate::write::xlsx::print_setup(sheet, None)?;
    sheet.protect();
    Ok(())
}

fn meaning(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "Work has not begun.",
        Status::OnTarget => "On track to be delivered by the due date.",
        Status::AtRisk => "At risk of missing the due date.",
        Status::NotOnTarget => "Will not be delivered by the due date.",
        Status::Paused => "Deliberately on hold.",
        Status::Complete => "Delivered (say what in the note).",
        Status::Cancelled => "No longer to be delivered (say why in the note).",
    }
}

/// The record: what the return is (owner, quarter) and, for each
/// milestone, how many entries its log had and the last one's date.
fn record(sheet: &mut Worksheet, book: &ReturnBook) -> Result<(), XlsxError> {
    sheet.set_name(RECORD_SHEET)?;
    sheet.write_string(0, 0, RECORD_TITLE)?;
    sheet.write_string(1, 0, "format")?;
    sheet.write_number(1, 1, f64::from(RECORD_FORMAT))?;
    sheet.write_string(2, 0, "owner")?;
    sheet.write_string(2, 1, &book.owner)?;
    sheet.write_string(3, 0, "period")?;
    sheet.write_string(3, 1, book.period.to_string())?;
    sheet.write_string(5, 0, "id")?;
    sheet.write_string(5, 1, "log entries")?;
    sheet.write_string(5, 2, "last update")?;
    for (i, r) in book.rows.iter().enumerate() {
        let row = 6 + i as u32;
        sheet.write_string(row, 0, &r.id)?;
        sheet.write_number(row, 1, r.log_entries as f64)?;
        if let Some(d) = r.last_update {
            sheet.write_string(row, 2, d.format("%Y-%m-%d").to_string())?;
        }
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}
