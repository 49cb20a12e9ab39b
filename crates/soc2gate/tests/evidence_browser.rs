//! The evidence HTML in a real headless browser (Debian's `chromium`): it renders to a
//! screenshot and to PDF, and its DOM holds the control matrix and the exceptions
//! register. CI installs chromium (`.ci/run`) and must run this test; elsewhere, without
//! chromium, it is skipped with a loud message.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{run, soc2gate_in, write};

/// The browser: `SOC2GATE_CHROMIUM`, else the first of chromium, chromium-browser and
/// google-chrome on PATH.
fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SOC2GATE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs the browser headless on `page` with `args`; its standard output. Killed (by its
/// own id) after two minutes: a hung browser fails the test instead of hanging it.
fn headless(browser: &Path, args: &[String], page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the browser starts");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{} did not finish in two minutes", browser.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{} {args:?} failed",
        browser.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn evidence_html_renders_to_screen_and_pdf_with_matrix_and_register() {
    let Some(browser) = browser() else {
        if std::env::var_os("CI").is_some()
            || std::env::var_os("SOC2GATE_REQUIRE_BROWSER").is_some()
        {
            panic!("CI must run the browser test of the evidence HTML, and no chromium is on PATH: .ci/run installs it (apt-get install -y chromium)");
        }
        eprintln!(
            "\n\
             ************************************************************************\n\
             SKIPPED evidence_html_renders_to_screen_and_pdf_with_matrix_and_register:\n\
             no chromium on PATH (apt-get install -y chromium, or SOC2GATE_CHROMIUM).\n\
             CI installs it and runs this test.\n\
             ************************************************************************\n"
        );
        return;
    };
    // The README example with an exception of each kind.
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/example");
    for part in ["aws", "github"] {
        let text = std::fs::read_to_string(example.join(part).join("main.tf")).unwrap();
        write(dir.path(), &format!("{part}/main.tf"), &text);
    }
    write(
        dir.path(),
        "soc2gate.toml",
        r#"[[exceptions]]
rule = "aws-s3-encryption-at-rest"
resource = "aws_s3_bucket.*"
reason = "the bucket holds public marketing assets only"
expires = "2026-09-30"

[[exceptions]]
rule = "aws-s3-versioning"
resource = "aws_s3_bucket.gone"
reason = "decommissioned"
"#,
    );
    let (code, _, err) = run(soc2gate_in(dir.path()).args(["evidence", ".", "--out", "ev"]));
    assert_eq!(code, 1, "{err}");
    let bundle: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("ev/evidence.json")).unwrap(),
    )
    .unwrap();
    let page = dir.path().join("ev/evidence.html");

    let shot = dir.path().join("evidence.png");
    headless(
        &browser,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400".into(),
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("a screenshot is written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 20_000,
        "a screenshot of {} bytes is blank",
        png.len()
    );

    let pdf_path = dir.path().join("evidence.pdf");
    headless(
        &browser,
        &[
            format!("--print-to-pdf={}", pdf_path.display()),
            "--no-pdf-header-footer".into(),
        ],
        &page,
    );
    let pdf = std::fs::read(&pdf_path).expect("a PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pdf
        .windows(10)
        .filter(|w| w == b"/Type /Pag" || w == b"/Type/Page")
        .count();
    assert!(
        pages > 1,
        "the PDF has a first page and a page per criterion"
    );

    let dom = headless(&browser, &["--dump-dom".into()], &page);
    let criteria = bundle["criteria"].as_array().unwrap();
    assert_eq!(dom.matches("class=\"matrix-row\"").count(), criteria.len());
    for c in criteria {
        let id = c["id"].as_str().unwrap();
        assert!(
            dom.contains(&format!("data-criterion=\"{id}\"")),
            "no matrix row for {id}"
        );
    }
    assert!(dom.contains("id=\"exceptions-register\""));
    let register = bundle["exceptions"].as_array().unwrap();
    assert_eq!(register.len(), 2);
    assert_eq!(
        dom.matches("class=\"exception-row\"").count(),
        register.len()
    );
    assert!(dom.contains("the bucket holds public marketing assets only"));

    if let Some(keep) = std::env::var_os("SOC2GATE_KEEP_RENDERINGS") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&shot, keep.join("evidence.png")).unwrap();
        std::fs::copy(&pdf_path, keep.join("evidence.pdf")).unwrap();
        std::fs::copy(&page, keep.join("evidence.html")).unwrap();
    }
}
