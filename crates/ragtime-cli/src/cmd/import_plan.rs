//! `ragtime import-plan FILE --mapping MAP`: an action-plan spreadsheet
//! (or CSV) made into a plan file under the plans folder, checked with the
//! plan set before it is written, never over an existing file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use ragtime_core::import_plan::{self, Imported, Mapping};
use ragtime_core::sheet::Problem;
use ragtime_core::{Input, PlanSet};

use crate::Outcome;
use crate::cli::{Args, DiagnosticFormat, ImportPlanArgs};
use crate::{diagnostics, files, output, problems, sheets};

pub fn run(args: &Args, import: &ImportPlanArgs) -> Result<Outcome> {
    let mapping_text = std::fs::read_to_string(&import.mapping)
        .with_context(|| format!("cannot read the mapping `{}`", import.mapping.display()))?;
    let mapping = Mapping::parse(&mapping_text)
        .with_context(|| format!("in `{}`", import.mapping.display()))?;
    let located = files::locate(args.plans.as_deref(), None)?;
    let folder = plans_folder(&located.root)?;
    let target = match &import.output {
        Some(path) => path.clone(),
        None => folder.join(mapping.file_name()),
    };
    if target.exists() {
        bail!(
            "`{}` is already there; an import never replaces a plan file: move it, or name \
             another file with `--output FILE` or `file = \"...\"` in the mapping",
            target.display()
        );
    }
    let name = files::display_name(&import.file);
    let bytes = std::fs::read(&import.file)
        .with_context(|| format!("cannot read `{}`", import.file.display()))?;
    let book = match sheets::read(&name, bytes) {
        Ok(book) => book,
        Err(problem) => return report(args, import.format, &[*problem], &[], None),
    };
    // A CSV file is one sheet, whatever the mapping names.
    let csv = book.sheets.len() == 1 && book.sheets[0].sheet.is_none();
    let wanted = import
        .sheet
        .as_deref()
        .or(mapping.sheet.as_deref())
        .filter(|_| !csv);
    let grid = match wanted {
        Some(sheet) => match book.sheet(sheet) {
            Some(g) => g,
            None => {
                let problem = missing_sheet(&book, sheet);
                return report(args, import.format, &[problem], &[], None);
            }
        },
        None => match book
            .sheets
            .iter()
            .find(|g| !g.hidden)
            .or(book.sheets.first())
        {
            Some(g) => g,
            None => bail!("`{name}` has no sheets"),
        },
    };

    let entries = files::discover(&located.root)?;
    let inputs = files::read(&entries);
    let before = ragtime_core::load(inputs.clone());
    let imported = import_plan::build(&mapping, grid, &before.model);
    let target_name = files::display_name(&target);
    let mut with_new = inputs;
    with_new.push(Input::new(target_name.clone(), imported.text.clone()));
    let after = ragtime_core::load(with_new);
    let file = ragtime_core::FileId(u32::try_from(after.sources.len() - 1).unwrap_or(u32::MAX));
    let (located, elsewhere) = import_plan::locate(&imported, file, &before, &after);
    let mut problems = imported.problems.clone();
    problems.extend(located);
    if problems.iter().any(Problem::is_error) || !elsewhere.is_empty() {
        return report(args, import.format, &problems, &elsewhere, Some(&after));
    }
    report(args, import.format, &problems, &[], None)?;
    if import.dry_run {
        print!("{}", imported.text);
        eprintln!("dry run, nothing written: would write `{target_name}`");
        unknown_owners(&imported)?;
        return Ok(Outcome::Ok);
    }
    output::write_new(&target, imported.text.as_bytes())?;
    println!(
        "wrote {target_name}: {} {}, {} {}, {} {} ({} with a first update)",
        imported.priorities,
        plural(imported.priorities, "priority", "priorities"),
        imported.commitments,
        plural(imported.commitments, "commitment", "commitments"),
        imported.milestones,
        plural(imported.milestones, "milestone", "milestones"),
        imported.updates
    );
    unknown_owners(&imported)?;
    Ok(Outcome::Ok)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The folder plan files go into: `--plans`, or the folder of a single
/// plan file given as `--plans`.
fn plans_folder(plans: &Path) -> Result<std::path::PathBuf> {
    let meta = std::fs::metadata(plans)
        .with_context(|| format!("cannot read plans at `{}`", plans.display()))?;
    Ok(if meta.is_dir() {
        plans.to_path_buf()
    } else {
        plans.parent().unwrap_or(Path::new(".")).to_path_buf()
    })
}

fn missing_sheet(book: &sheets::Book, sheet: &str) -> Problem {
    let names: Vec<String> = book
        .sheets
        .iter()
        .filter_map(|g| g.sheet.as_ref().map(|s| format!("`{s}`")))
        .collect();
    Problem::new(
        ragtime_core::Code::MissingSheet,
        ragtime_core::sheet::Place::book(book.name.clone()),
        format!("the workbook has no sheet `{sheet}`"),
    )
    .help(format!("its sheets: {}", names.join(", ")))
}

/// The owners to add to the registry, as entries to complete.
fn unknown_owners(imported: &Imported) -> Result<()> {
    if imported.unknown_owners.is_empty() {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "\n{} {} not in the owners registry; add {} to `owners.toml` (or map the names in the \
         mapping's `[owners]`), then run `ragtime check`:\n",
        imported.unknown_owners.len(),
        if imported.unknown_owners.len() == 1 {
            "owner is"
        } else {
            "owners are"
        },
        if imported.unknown_owners.len() == 1 {
            "it"
        } else {
            "them"
        },
    )?;
    for u in &imported.unknown_owners {
        writeln!(err, "{}", u.registry_entry())?;
    }
    Ok(())
}

/// Shows the problems (at cells) and the plan findings (in the new file's
/// text); the outcome is `Problems` when there is an error among them.
fn report(
    args: &Args,
    args_format: DiagnosticFormat,
    problems: &[Problem],
    elsewhere: &[&ragtime_core::Diagnostic],
    after: Option<&PlanSet>,
) -> Result<Outcome> {
    let color = output::stderr_color(args.color);
    let mut err = std::io::stderr().lock();
    let mut sorted = problems.to_vec();
    ragtime_core::sheet::sort(&mut sorted);
    let short = args_format == DiagnosticFormat::Short;
    for p in &sorted {
        match short {
            true => writeln!(err, "{}", problems::short(p))?,
            false => writeln!(err, "{}\n", problems::human(p, color))?,
        }
    }
    if let Some(after) = after {
        let printer = diagnostics::Printer::new(after, &[], color);
        for d in elsewhere {
            match short {
                true => writeln!(err, "{}", printer.short(d))?,
                false => writeln!(err, "{}\n", printer.human(d))?,
            }
        }
    }
    let errors = sorted.iter().filter(|p| p.is_error()).count() + elsewhere.len();
    if errors > 0 {
        writeln!(
            err,
            "nothing written: {errors} {} to put right in the spreadsheet or the mapping",
            plural(errors, "problem", "problems")
        )?;
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Ok)
}
