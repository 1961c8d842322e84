//! The one helper the CLI tests share: run the real binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// What a run of `wortwolke` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `wortwolke ARGS` in the repository root with `stdin` as standard input.
pub fn wortwolke(args: &[&str], stdin: &str) -> Run {
    let out = start(args, &[], stdin.as_bytes())
        .wait_with_output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Starts `wortwolke ARGS` in the repository root with the variables `env`, `stdin` written
/// to its standard input (then closed), and its standard output and error piped.
pub fn start(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wortwolke"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // the binary may exit before reading (usage errors): a broken pipe here is fine
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Run {
    /// Asserts an error: exit code 2, nothing on stdout, exactly one line on stderr containing `needle`.
    pub fn assert_error(&self, needle: &str) {
        self.assert_one_line_error();
        assert!(self.stderr.contains(needle), "{needle:?} in {self:?}");
    }

    /// Asserts an error: exit code 2, nothing on stdout, exactly one line on stderr, starting
    /// with `wortwolke: `.
    pub fn assert_one_line_error(&self) {
        assert_eq!(self.code, 2, "{self:?}");
        assert_eq!(self.stdout, "", "{self:?}");
        assert_eq!(self.stderr.lines().count(), 1, "one line: {self:?}");
        assert!(self.stderr.starts_with("wortwolke: "), "{self:?}");
    }
}
