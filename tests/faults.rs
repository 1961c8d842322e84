//! Failing disks and interrupted runs (issue 13): an output that cannot be written gives exit 2
//! and one line, the previous output stays as it was, and no temporary file is left behind.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::{scratch, start, wortwolke};

/// The names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file or folder made unwritable for the test's lifetime, and writable again afterwards.
/// Root ignores permission bits, so the immutable attribute (`chattr +i`) is used where mode
/// bits do not stop writing.
struct Unwritable {
    path: PathBuf,
    immutable: bool,
    mode: u32,
}

impl Unwritable {
    /// Makes `path` unwritable, or says why that is impossible here.
    fn new(path: &Path, by_mode: bool) -> Result<Unwritable, String> {
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        let mut locked = Unwritable {
            path: path.to_owned(),
            immutable: false,
            mode,
        };
        if by_mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & !0o222)).unwrap();
            if !writable(path) {
                return Ok(locked);
            }
        }
        let chattr = Command::new("chattr").arg("+i").arg(path).output();
        match chattr {
            Ok(out) if out.status.success() => locked.immutable = true,
            Ok(out) => {
                return Err(format!(
                    "chattr +i failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ))
            }
            Err(e) => return Err(format!("no chattr ({e})")),
        }
        if writable(path) {
            return Err("still writable with the immutable attribute".into());
        }
        Ok(locked)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(self.mode));
    }
}

/// Whether a file can be created in the folder `path`, or the file `path` opened for writing.
fn writable(path: &Path) -> bool {
    if path.is_dir() {
        let probe = path.join(".probe");
        let created = std::fs::File::create(&probe).is_ok();
        let _ = std::fs::remove_file(&probe);
        created
    } else {
        std::fs::OpenOptions::new().append(true).open(path).is_ok()
    }
}

/// Prints why a test cannot check what it is about on this machine.
#[allow(clippy::print_stderr)]
fn skip(test: &str, why: &str) {
    eprintln!("{test}: skipped: {why}");
}

/// A scratch folder `name` holding `counts.tsv` with `old`, the folder (`folder`) or the file
/// made unwritable; `None` (with the reason printed) where that is impossible.
fn old_output(name: &str, folder: bool) -> Option<(PathBuf, PathBuf, Unwritable)> {
    let dir = scratch(name);
    let table = dir.join("counts.tsv");
    std::fs::write(&table, "old\n").unwrap();
    let locked = if folder {
        Unwritable::new(&dir, true)
    } else {
        Unwritable::new(&table, false)
    };
    match locked {
        Ok(locked) => Some((dir, table, locked)),
        Err(why) => {
            skip(name, &why);
            None
        }
    }
}

// See: issue 13 (a read-only output folder)
#[test]
fn a_read_only_folder_keeps_its_files() {
    let Some((dir, table, _locked)) = old_output("faults_read_only_folder", true) else {
        return;
    };
    let run = wortwolke(
        &["count", "-q", "-o", table.to_str().unwrap()],
        "Personal\n",
    );
    run.assert_error("counts.tsv: cannot write; check that the directory exists and is writable");
    let cloud = dir.join("cloud.png");
    let run = wortwolke(
        &["cloud", "-q", "-o", cloud.to_str().unwrap()],
        "Personal\n",
    );
    run.assert_error("cloud.png: cannot write");
    assert_eq!(std::fs::read_to_string(&table).unwrap(), "old\n");
    assert_eq!(listing(&dir), ["counts.tsv"]);
}

// See: issue 13 (an existing output that cannot be replaced)
#[test]
fn an_output_that_cannot_be_replaced_stays_as_it_was() {
    let Some((dir, table, _locked)) = old_output("faults_unreplaceable", false) else {
        return;
    };
    for format in ["tsv", "json"] {
        let run = wortwolke(
            &[
                "count",
                "-q",
                "--format",
                format,
                "-o",
                table.to_str().unwrap(),
            ],
            "Personal\n",
        );
        run.assert_error("counts.tsv: cannot write");
        assert_eq!(std::fs::read_to_string(&table).unwrap(), "old\n");
        // the temporary file was written and could not be renamed: it is gone too
        assert_eq!(listing(&dir), ["counts.tsv"], "{format}");
    }
}

// See: issue 13 (interrupted runs)
#[test]
fn an_interrupt_while_writing_leaves_no_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = scratch(&format!("faults_signal_{signal}"));
        let table = dir.join("counts.tsv");
        std::fs::write(&table, "old\n").unwrap();
        let mut child = start(
            &["count", "-q", "-o", table.to_str().unwrap()],
            // debug builds wait between writing the temporary file and renaming it
            &[("WORTWOLKE_TEST_HOLD_MS", "60000")],
            b"Personal\nZeit\n",
        );
        // interrupt once the temporary file is there
        let start = Instant::now();
        while listing(&dir).len() < 2 {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{signal}: no temporary file appeared"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let tmp = listing(&dir).into_iter().find(|n| n.ends_with(".tmp"));
        assert!(tmp.is_some(), "{signal}: {:?}", listing(&dir));
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        // the run ends as the signal ends it
        let number = if signal == "INT" { 2 } else { 15 };
        assert_eq!(status.signal(), Some(number), "{signal}: {status:?}");
        assert_eq!(listing(&dir), ["counts.tsv"], "{signal}");
        assert_eq!(std::fs::read_to_string(&table).unwrap(), "old\n");
    }
}
