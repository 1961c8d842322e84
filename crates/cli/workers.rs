//! A pool of worker threads, each folding the pieces of work it takes into its own state.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use anyhow::{bail, Result};

/// Runs `produce` on this thread and `threads` workers beside it: `produce` hands out pieces of
/// work through the function it is given (which says `false` once the workers are gone); each
/// worker keeps its own state (made by `worker`) and folds the pieces it takes into it with
/// `work`. Returns the workers' states and what `produce` returned. At most two pieces per
/// worker wait in line, so memory stays bounded however large the input.
pub fn pool<W: Send, P: Send, R>(
    threads: usize,
    worker: impl Fn() -> W + Sync,
    work: impl Fn(&mut W, P) + Sync,
    produce: impl FnOnce(&mut dyn FnMut(P) -> bool) -> R,
) -> Result<(Vec<W>, R)> {
    let threads = threads.max(1);
    let (worker, work) = (&worker, &work);
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = mpsc::sync_channel::<P>(threads * 2);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let work_rx = Arc::clone(&work_rx);
                scope.spawn(move || -> W {
                    let mut state = worker();
                    loop {
                        let piece = match work_rx.lock().map(|rx| rx.recv()) {
                            Ok(Ok(piece)) => piece,
                            _ => return state,
                        };
                        work(&mut state, piece);
                    }
                })
            })
            .collect();
        let produced = produce(&mut |piece| work_tx.send(piece).is_ok());
        drop(work_tx);
        let mut states = Vec::with_capacity(threads);
        for w in workers {
            match w.join() {
                Ok(state) => states.push(state),
                Err(_) => bail!("a counting thread failed"),
            }
        }
        Ok((states, produced))
    })
}
