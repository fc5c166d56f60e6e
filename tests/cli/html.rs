//! A real board pack as HTML in a real headless browser (Debian's chromium,
//! installed by `.ci/install`): it renders to an A4-sized screenshot, every
//! section heading is in the page, and a note holding a script element
//! stays text. The shipped packs are printed to PDF and read back with
//! poppler's `pdfinfo` and `pdftotext`: their page counts, running heads,
//! page numbers, headings kept with their tables, readable columns.
//!
//! There is no skipping: without chromium these tests fail and say how to
//! install it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::ragtime;

/// Where Debian puts the browser.
const CHROMIUM: &str = "/usr/bin/chromium";
/// A4 at 150 dots per inch.
const WIDTH: u32 = 1240;
const HEIGHT: u32 = 1754;
/// A hung browser must not hang the test run.
const LIMIT: Duration = Duration::from_secs(120);

fn chromium() -> PathBuf {
    let path = PathBuf::from(CHROMIUM);
    assert!(
        path.exists(),
        "chromium is not installed at {CHROMIUM}: run `.ci/install` (it installs Debian's chromium)"
    );
    path
}

/// Runs the browser headless on `page` with `extra` arguments; returns
/// stdout and stderr.
fn browse(page: &Path, profile: &Path, extra: &[String]) -> (String, String) {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--window-size={WIDTH},{HEIGHT}"))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start chromium");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("chromium did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().expect("chromium output");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "chromium failed ({}):\n{stderr}",
        out.status
    );
    // A failed load or a script would show here; the D-Bus noise of a
    // machine without a desktop session does not matter.
    for bad in ["net::ERR", "Uncaught", "CONSOLE"] {
        assert!(!stderr.contains(bad), "chromium reported {bad}:\n{stderr}");
    }
    (stdout, stderr)
}

/// Writes the fixture's board pack (`tests/fixtures/board-pack/`) as HTML
/// into `dir`: a real pack, whose notes include a script element.
fn render(dir: &Path) -> PathBuf {
    let page = dir.join("pack.html");
    let page_arg = page.to_string_lossy().into_owned();
    let run = ragtime(&pack_args(&["--format", "html", "-o", &page_arg]));
    assert_eq!(run.code, 0, "{}", run.render());
    page
}

/// `ragtime --plans tests/fixtures/board-pack board cpb --as-of 2025-09-30`
/// and `extra`.
fn pack_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--plans",
        "tests/fixtures/board-pack",
        "board",
        "cpb",
        "--as-of",
        "2025-09-30",
    ];
    args.extend_from_slice(extra);
    args
}

/// Headings as the browser serialises text: `&`, `<` and `>` escaped.
fn as_dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn board_pack_renders_to_an_a4_screenshot() {
    let dir = tempfile::tempdir().unwrap();
    let page = render(dir.path());
    let png = dir.path().join("pack.png");
    browse(
        &page,
        &dir.path().join("profile"),
        &[format!("--screenshot={}", png.display())],
    );
    let bytes = std::fs::read(&png).expect("a screenshot was written");
    assert!(
        bytes.len() > 10_000,
        "screenshot is only {} bytes",
        bytes.len()
    );
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    // The IHDR chunk comes first: width and height, big-endian.
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (WIDTH, HEIGHT));
}

#[test]
fn every_section_heading_is_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = render(dir.path());
    let (dom, _) = browse(
        &page,
        &dir.path().join("profile"),
        &["--dump-dom".to_string()],
    );
    let run = ragtime(&pack_args(&["--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sections = doc["sections"].as_array().unwrap();
    // The executive summary, then parts 1 to 6: headline (two sections),
    // progress, two exceptions, measures, changes and due.
    assert_eq!(sections.len(), 9);
    for s in sections {
        let heading = as_dom_text(s["heading"].as_str().unwrap());
        assert!(
            dom.contains(&format!("-heading\">{heading}</h2>")),
            "heading {heading:?} is not in the page"
        );
    }
    for part in 1..=6 {
        assert!(dom.contains(&format!("-heading\">{part}. ")), "part {part}");
    }
    assert!(dom.contains("<h1>Corporate Parenting Board: progress report</h1>"));
}

#[test]
fn script_in_a_note_shows_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = render(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(
            "<td>Hosts found for three of five young people. &lt;script&gt;alert(1)&lt;&#x2f;script&gt;</td>"
        ),
        "the note is not escaped in the HTML"
    );
    let (dom, _) = browse(
        &page,
        &dir.path().join("profile"),
        &["--dump-dom".to_string()],
    );
    // The browser parsed it as a text node: it serialises it escaped, and
    // made no script element anywhere.
    assert!(
        dom.contains(
            "<td>Hosts found for three of five young people. &lt;script&gt;alert(1)&lt;/script&gt;</td>"
        ),
        "the note is not text in the page:\n{dom}"
    );
    assert!(
        !dom.to_lowercase().contains("<script"),
        "a script element:\n{dom}"
    );
}

/// Where Debian's poppler-utils puts its PDF readers.
const PDFINFO: &str = "/usr/bin/pdfinfo";
const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// The shipped board packs, as at the end of 2025/26 Q2, and the most A4
/// pages each may print on: the limits the packs were first set, which
/// they must keep as parts are added. They print on 11 and 15 pages.
const PACKS: [(&str, usize); 2] = [("cpb", 12), ("cabinet", 18)];

/// Runs a poppler tool and returns its standard output.
fn poppler(tool: &str, args: &[&str]) -> String {
    assert!(
        Path::new(tool).exists(),
        "{tool} is not installed: run `.ci/install` (it installs Debian's poppler-utils)"
    );
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints the shipped plans' pack for `board` to PDF as the clerk does
/// (docs/board-pack.md) and returns each page's text, laid out as printed.
fn printed_pages(dir: &Path, board: &str) -> Vec<String> {
    let page = dir.join(format!("{board}.html"));
    let pdf = dir.join(format!("{board}.pdf"));
    let page_arg = page.to_string_lossy().into_owned();
    let run = ragtime(&[
        "board",
        board,
        "--period",
        "2025/26-Q2",
        "--format",
        "html",
        "-o",
        &page_arg,
    ]);
    assert_eq!(run.code, 0, "{}", run.render());
    browse(
        &page,
        &dir.join(format!("profile-{board}")),
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let info = poppler(PDFINFO, &[&pdf_arg]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo gives the page count")
        .trim()
        .parse()
        .unwrap();
    assert!(
        info.contains("(A4)"),
        "the pack is not printed on A4:\n{info}"
    );
    // pdftotext ends each page with a form feed.
    let text = poppler(PDFTOTEXT, &["-layout", &pdf_arg, "-"]);
    let texts: Vec<String> = text
        .split('\u{c}')
        .take(pages)
        .map(str::to_string)
        .collect();
    assert_eq!(
        texts.len(),
        pages,
        "pdftotext gave fewer pages than pdfinfo"
    );
    texts
}

/// The pack as JSON, for its title and section headings.
fn pack_json(board: &str) -> serde_json::Value {
    let run = ragtime(&["board", board, "--period", "2025/26-Q2", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.render());
    serde_json::from_str(&run.stdout).unwrap()
}

/// The shipped packs print on A4 within their page limits, every page with
/// the running head (title and as-at date) and "Page N of M", and no
/// section heading left at the foot of a page without its table.
#[test]
fn shipped_packs_print_within_their_page_limits() {
    let dir = tempfile::tempdir().unwrap();
    for (board, limit) in PACKS {
        let pages = printed_pages(dir.path(), board);
        let doc = pack_json(board);
        let title = doc["title"].as_str().unwrap();
        eprintln!("{board}: {} pages (limit {limit})", pages.len());
        assert!(
            pages.len() <= limit,
            "{board}: {} pages, more than {limit}",
            pages.len()
        );
        let total = pages.len();
        for (i, text) in pages.iter().enumerate() {
            let n = i + 1;
            assert!(
                text.contains(&format!("Page {n} of {total}")),
                "{board}: page {n} has no \"Page {n} of {total}\":\n{text}"
            );
            assert!(
                text.contains(title) && text.contains("As at 30 September 2025"),
                "{board}: page {n} has no running head:\n{text}"
            );
        }
        for section in doc["sections"].as_array().unwrap() {
            let heading = section["heading"].as_str().unwrap();
            let Some(first) = first_cell(section) else {
                continue;
            };
            let (n, text) = pages
                .iter()
                .enumerate()
                .find(|(_, t)| t.lines().any(|l| l.trim() == heading))
                .unwrap_or_else(|| panic!("{board}: heading {heading:?} is not printed"));
            let after = &text[text.find(heading).unwrap()..];
            assert!(
                after.contains(&first),
                "{board}: {heading:?} is at the foot of page {} without its table \
                 (its first row, {first:?}, is on a later page)",
                n + 1
            );
        }
    }
}

/// The text of the first row's id (or else first) cell of a section's
/// table, when it has one: words found nowhere above the table.
fn first_cell(section: &serde_json::Value) -> Option<String> {
    let table = section.get("table").filter(|t| !t.is_null())?;
    let columns = table["columns"].as_array()?;
    let key = columns
        .iter()
        .find(|c| c["key"] == "id")
        .unwrap_or(&columns[0])["key"]
        .as_str()?;
    let cell = &table["rows"][0]["cells"][key];
    cell.get("text")
        .or_else(|| cell.get("date"))
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The commitment text prints in a column wide enough to read: a line of
/// it holds at least 40 characters (the column was about 100 px, some 15
/// characters, wide).
#[test]
fn commitment_text_prints_readably_wide() {
    let dir = tempfile::tempdir().unwrap();
    let pages = printed_pages(dir.path(), "cpb");
    let doc = pack_json("cpb");
    let progress = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "progress-CPS")
        .expect("a progress section");
    let commitment = progress["table"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "item")
        .expect("a commitment row")["cells"]["item"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    // Its first words, up to 40 characters or more.
    let mut start = String::new();
    for word in commitment.split_whitespace() {
        if start.len() >= 40 {
            break;
        }
        if !start.is_empty() {
            start.push(' ');
        }
        start.push_str(word);
    }
    assert!(start.len() >= 40, "{commitment:?}");
    assert!(
        pages
            .iter()
            .flat_map(|p| p.lines())
            .any(|l| l.contains(&start)),
        "no printed line holds {start:?}"
    );
}
