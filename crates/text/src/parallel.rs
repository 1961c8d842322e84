//! Counting on several threads: answers handed over in input order, counted by one [`Tally`]
//! per thread, merged into the count one thread would make.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use crate::{Analyzer, Counted, Counter, PhraseDetector, Tally};

/// Bytes of answer text [`Feed::answer`] collects before it hands a batch to a thread.
const BATCH_BYTES: usize = 1 << 20;

/// Answers [`Feed::answer`] collects at most before it hands a batch to a thread (many short
/// answers: each thread gets its share early).
const BATCH_ANSWERS: usize = 16 * 1024;

/// A piece of the input for parallel counting: consecutive answers, each with the subsets it
/// counts in (see [`Counter::count_in`]). [`Feed::answer`] collects answers into
/// [`Answers`]; implement `Batch` to hand over pieces that are cheaper to split on the counting
/// threads (a chunk of a file whose lines are cut and decoded there).
///
/// # Example
/// ```
/// use wortwolke_text::{Analyzer, Batch};
///
/// /// Lines of text, split into answers by the thread that counts them.
/// struct Lines(String);
///
/// impl Batch for Lines {
///     fn len(&self) -> usize {
///         self.0.lines().count()
///     }
///     fn for_each(&self, answer: &mut dyn FnMut(&str, &[usize])) {
///         self.0.lines().for_each(|line| answer(line, &[]));
///     }
/// }
///
/// let analyzer = Analyzer::german();
/// let counted = analyzer.count_parallel_with(2, |feed| {
///     feed.batch(Lines("Personal fehlt\nk.A.".into()));
///     feed.batch(Lines("zu wenig Personal".into()));
/// });
/// assert_eq!(counted, analyzer.count(["Personal fehlt", "k.A.", "zu wenig Personal"]));
/// ```
pub trait Batch: Send {
    /// How many answers [`Batch::for_each`] hands over: the answers of the next batch are
    /// placed after them (which spelling came first decides ties between labels).
    fn len(&self) -> usize;

    /// Whether the batch has no answers.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hands every answer to `answer`, in input order, with the subsets it counts in (`&[]`:
    /// the whole only).
    fn for_each(&self, answer: &mut dyn FnMut(&str, &[usize]));
}

/// Answers with their subsets, the texts in one buffer: the batch [`Feed::answer`] fills.
///
/// # Example
/// ```
/// use wortwolke_text::{Answers, Batch};
///
/// let mut answers = Answers::default();
/// answers.push("Personal fehlt", &[0]);
/// answers.push("k.A.", &[]);
/// let mut seen = Vec::new();
/// answers.for_each(&mut |text, subsets| seen.push((text.to_owned(), subsets.to_vec())));
/// assert_eq!(seen, [("Personal fehlt".to_owned(), vec![0]), ("k.A.".to_owned(), vec![])]);
/// ```
#[derive(Debug, Default, Clone)]
pub struct Answers {
    text: String,
    subsets: Vec<usize>,
    /// Per answer: where its text and its subsets end.
    ends: Vec<(usize, usize)>,
}

impl Answers {
    /// Adds one answer that counts in `subsets` (besides the whole).
    pub fn push(&mut self, text: &str, subsets: &[usize]) {
        self.text.push_str(text);
        self.subsets.extend_from_slice(subsets);
        self.ends.push((self.text.len(), self.subsets.len()));
    }

    /// Bytes of answer text held.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }
}

impl Batch for Answers {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn for_each(&self, answer: &mut dyn FnMut(&str, &[usize])) {
        let (mut text, mut subsets) = (0, 0);
        for &(text_end, subsets_end) in &self.ends {
            answer(
                &self.text[text..text_end],
                &self.subsets[subsets..subsets_end],
            );
            (text, subsets) = (text_end, subsets_end);
        }
    }
}

/// A batch and the position of its first answer in the input.
type Placed = (u64, Box<dyn Batch>);

/// Hands answers to the counting threads in input order: given to the function passed to
/// [`Analyzer::count_parallel_with`]. Each answer is placed after the ones handed over before
/// it, whichever thread counts it; callers never number answers.
///
/// # Example
/// ```
/// use wortwolke_text::Analyzer;
///
/// let analyzer = Analyzer::german();
/// let lines = "Personal fehlt\nZeit\nk.A.";
/// let counted = analyzer.count_parallel_with(2, |feed| {
///     feed.answers(lines.lines()); // the whole only
///     feed.answer("fehlendes Personal", &[0]); // the whole and subset 0
/// });
/// assert_eq!(counted.table(&Default::default()).answers, 4);
/// assert_eq!(counted.subset(0).table(&Default::default()).answers, 1);
/// ```
pub struct Feed<'f> {
    collected: Answers,
    next_position: u64,
    send: &'f mut dyn FnMut(Placed),
}

impl std::fmt::Debug for Feed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feed")
            .field("next_position", &self.next_position)
            .field("collected", &self.collected.len())
            .finish()
    }
}

impl Feed<'_> {
    /// The next answer, counted in the whole and in `subsets` (numbered from 0: a question, a
    /// group; read back with [`Counted::subset`]).
    pub fn answer(&mut self, text: &str, subsets: &[usize]) {
        self.collected.push(text, subsets);
        if self.collected.text_len() >= BATCH_BYTES || self.collected.len() >= BATCH_ANSWERS {
            self.flush();
        }
    }

    /// The next answers, each counted in the whole only.
    pub fn answers<S: AsRef<str>>(&mut self, answers: impl IntoIterator<Item = S>) {
        for answer in answers {
            self.answer(answer.as_ref(), &[]);
        }
    }

    /// The next answers as a batch of its own (after the answers handed over before).
    pub fn batch(&mut self, batch: impl Batch + 'static) {
        self.flush();
        self.place(Box::new(batch));
    }

    /// Hands the answers collected so far to a thread.
    fn flush(&mut self) {
        if !self.collected.is_empty() {
            let batch = std::mem::take(&mut self.collected);
            self.place(Box::new(batch));
        }
    }

    fn place(&mut self, batch: Box<dyn Batch>) {
        let position = self.next_position;
        self.next_position += batch.len() as u64;
        (self.send)((position, batch));
    }
}

/// Runs `produce` on this thread and `threads` workers (at least one) beside it; each worker
/// keeps its own state (made by `worker`) and folds the answers it takes into it with `answer`
/// (the position of the batch's first answer, the batch). At most two batches per worker wait
/// in line, so memory stays bounded however long the input. Returns the workers' states.
fn run<W: Send>(
    threads: usize,
    worker: impl Fn() -> W + Sync,
    work: impl Fn(&mut W, u64, &dyn Batch) + Sync,
    produce: impl FnOnce(&mut Feed),
) -> Vec<W> {
    let threads = threads.max(1);
    let (worker, work) = (&worker, &work);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Placed>(threads * 2);
        let rx = Arc::new(Mutex::new(rx));
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let rx = Arc::clone(&rx);
                scope.spawn(move || {
                    let mut state = worker();
                    loop {
                        // the lock is held only while taking a batch, not while counting it
                        let next = rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((position, batch))) = next else {
                            return state;
                        };
                        work(&mut state, position, batch.as_ref());
                    }
                })
            })
            .collect();
        {
            // a send fails only when every worker is gone (a panic, raised again below)
            let mut send = |placed: Placed| drop(tx.send(placed));
            let mut feed = Feed {
                collected: Answers::default(),
                next_position: 0,
                send: &mut send,
            };
            produce(&mut feed);
            feed.flush();
        }
        drop(tx);
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

impl Analyzer {
    /// Counts the answers `produce` hands to its [`Feed`] on `threads` threads (reading on
    /// this one): the finished count, with every answer counted in the whole and in the
    /// subsets it was given with. The result is exact and the same for any number of threads:
    /// equal to counting the same answers one by one with [`Counter::count_in`] and
    /// [`Analyzer::count_into`]. Answers stream: at most a few batches per thread wait.
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, TableOptions};
    ///
    /// let analyzer = Analyzer::german();
    /// // (answer, question, group): subsets are numbered by the caller, here
    /// // question q → subset q, group g → subset 2 + g
    /// let rows = [("Personal fehlt", 0, 0), ("zu wenig Personal", 0, 1), ("Zeit", 1, 1)];
    /// let counted = analyzer.count_parallel_with(2, |feed| {
    ///     for (answer, question, group) in rows {
    ///         feed.answer(answer, &[question, 2 + group]);
    ///     }
    /// });
    /// let first_question = counted.subset(0).table(&TableOptions::default());
    /// assert_eq!((first_question.terms[0].label.as_str(), first_question.terms[0].answers), ("Personal", 2));
    /// assert_eq!(counted.subset(3).table(&TableOptions::default()).answers, 2);
    /// ```
    pub fn count_parallel_with(&self, threads: usize, produce: impl FnOnce(&mut Feed)) -> Counted {
        self.finish(self.count_parallel_counter(threads, produce))
    }

    /// Like [`Analyzer::count_parallel_with`], the merged [`Counter`] before it is finished
    /// (to save, or to merge with shards counted elsewhere).
    pub fn count_parallel_counter(
        &self,
        threads: usize,
        produce: impl FnOnce(&mut Feed),
    ) -> Counter {
        let tallies = run(
            threads,
            || Tally::new(self),
            |tally, position, batch| {
                tally.seek(position);
                batch.for_each(&mut |text, subsets| {
                    tally.count_in(subsets);
                    tally.count(text);
                });
            },
            produce,
        );
        let mut total = Counter::default();
        for tally in tallies {
            total.merge(tally.into_counter());
        }
        total
    }

    /// Counts `answers` on `threads` threads: equal to [`Analyzer::count`] for any number of
    /// threads. The answers are read on this thread as they come (an iterator over the lines
    /// of a file streams).
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::Analyzer;
    ///
    /// let analyzer = Analyzer::german();
    /// let answers: Vec<String> = ["Personal fehlt", "k.A.", "Zeit und Personal"].repeat(3000).into_iter().map(String::from).collect();
    /// assert_eq!(analyzer.count_parallel(&answers, 2), analyzer.count(&answers));
    /// ```
    pub fn count_parallel<S: AsRef<str>>(
        &self,
        answers: impl IntoIterator<Item = S>,
        threads: usize,
    ) -> Counted {
        self.count_parallel_with(threads, |feed| feed.answers(answers))
    }

    /// Learns the phrases of the answers `produce` hands to its [`Feed`] on `threads`
    /// threads (no-answers left out): the detector one thread would fill, for
    /// [`PhraseDetector::detect`] and [`PhraseDetector::gender_bases`].
    ///
    /// # Example
    /// ```
    /// use wortwolke_text::{Analyzer, PhraseDetector};
    ///
    /// let analyzer = Analyzer::german();
    /// let answers = ["interkommunale Zusammenarbeit", "Interkommunale Zusammenarbeit fehlt"].repeat(5);
    /// let detector = analyzer.detect_parallel_with(2, |feed| feed.answers(&answers));
    /// let mut one = PhraseDetector::default();
    /// for answer in &answers {
    ///     one.add(&analyzer.analyze(answer));
    /// }
    /// assert_eq!(detector.detect(3, 10.0), one.detect(3, 10.0));
    /// ```
    pub fn detect_parallel_with(
        &self,
        threads: usize,
        produce: impl FnOnce(&mut Feed),
    ) -> PhraseDetector {
        let workers = run(
            threads,
            || (Tally::new(self), PhraseDetector::default()),
            |(tally, detector), _position, batch| {
                batch.for_each(&mut |text, _subsets| {
                    if !self.is_no_answer(text) {
                        detector.add(tally.analyze(text));
                    }
                });
            },
            produce,
        );
        let mut detector = PhraseDetector::default();
        for (_, worker) in workers {
            detector.merge(worker);
        }
        detector
    }
}

/// The text ranges of `text`'s lines (for tests).
#[cfg(test)]
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let range = start..start + line.len();
            start = range.end + 1;
            range
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TableOptions;

    fn answers() -> Vec<(String, usize)> {
        let base = [
            ("Fehlende Akte fehlt", 0),
            ("die fehlende Akte", 1),
            ("Digitale Akte. digitale Akte!", 2),
            ("k.A.", 0),
            ("Personal, Personal", 1),
            ("personal", 2),
            ("", 0),
        ];
        (0..40_000)
            .map(|i| {
                let (text, group) = base[i % base.len()];
                (format!("{text} Wort{}", i % 997), group)
            })
            .collect()
    }

    #[test]
    fn any_thread_count_gives_the_count_of_one_counter() {
        let analyzer = Analyzer::german();
        let answers = answers();
        let mut one = Counter::default();
        for (text, group) in &answers {
            one.count_in(&[*group]);
            analyzer.count_into(text, &mut one);
        }
        let one = analyzer.finish(one);
        for threads in [1, 2, 3, 8] {
            let counted = analyzer.count_parallel_with(threads, |feed| {
                for (text, group) in &answers {
                    feed.answer(text, &[*group]);
                }
            });
            assert_eq!(counted, one, "{threads} threads");
            for group in 0..3 {
                assert_eq!(
                    counted.subset(group).table(&TableOptions::default()),
                    one.subset(group).table(&TableOptions::default())
                );
            }
        }
    }

    /// A batch type of the caller's, mixed with single answers: placed in the order handed over.
    #[derive(Debug)]
    struct Lines(String);

    impl Batch for Lines {
        fn len(&self) -> usize {
            line_ranges(&self.0).len()
        }

        fn for_each(&self, answer: &mut dyn FnMut(&str, &[usize])) {
            for range in line_ranges(&self.0) {
                answer(&self.0[range], &[]);
            }
        }
    }

    #[test]
    fn own_batches_and_single_answers_keep_input_order() {
        let analyzer = Analyzer::german();
        let texts = ["Fehlende Akte", "fehlende Akte", "Akte", "k.A.", "AKTE"];
        let counted = analyzer.count_parallel_with(2, |feed| {
            feed.answer(texts[0], &[]);
            feed.batch(Lines(texts[1..3].join("\n")));
            feed.answers(&texts[3..]);
        });
        assert_eq!(counted, analyzer.count(texts));
    }

    #[test]
    fn nothing_fed_is_an_empty_count() {
        let analyzer = Analyzer::german();
        let counted = analyzer.count_parallel_with(2, |_| {});
        assert_eq!(counted, analyzer.count(Vec::<&str>::new()));
    }
}
