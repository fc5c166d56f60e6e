//! A real board pack as HTML in a real headless browser (Debian's chromium,
//! installed by `.ci/install`): it renders to an A4-sized screenshot, every
//! section heading is in the page, and a note holding a script element
//! stays text.
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
