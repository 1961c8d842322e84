//! Interrupts: on SIGINT, SIGTERM or SIGHUP the temporary files of outputs being written are
//! removed, then the program ends as the signal would have ended it. Outputs are written to a
//! temporary file and renamed into place ([`crate::output::write_output`]), so an interrupted
//! run leaves the previous output and nothing else.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files that exist now. The signal thread takes the lock and never gives it back:
/// a file is created and registered under the lock, so none can appear after the cleanup.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file, registered for removal on an interrupt while this value lives.
#[derive(Debug)]
pub struct Temporary {
    path: PathBuf,
}

impl Temporary {
    /// Creates `path` (which must not exist) for writing, registered for removal on an
    /// interrupt.
    pub fn create(path: &Path) -> std::io::Result<(Temporary, File)> {
        let mut registered = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
        let file = File::options().write(true).create_new(true).open(path)?;
        registered.push(path.to_owned());
        Ok((
            Temporary {
                path: path.to_owned(),
            },
            file,
        ))
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Temporary {
    /// Unregisters the file (it was renamed into place or removed by its writer).
    fn drop(&mut self) {
        let mut registered = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
        registered.retain(|p| p != &self.path);
    }
}

/// Starts the thread that cleans up on SIGINT, SIGTERM and SIGHUP. Without it (when the
/// handlers cannot be installed) a signal ends the program as it always does.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("interrupt".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let registered = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
                for path in registered.iter() {
                    let _ = std::fs::remove_file(path);
                }
                // end as the signal would have (the lock stays taken: no new temporary file)
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}

/// Without Unix signals, interrupts end the program as they always do.
#[cfg(not(unix))]
pub fn install() {}
