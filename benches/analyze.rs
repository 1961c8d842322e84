//! Analysis throughput on generated German answer sets (10k, 100k, 1M answers; see
//! `examples/generator`), on one thread and on two. Each bench checks the table it produced
//! against known counts for seed 1, so a broken pipeline cannot look fast.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wortwolke_text::{Analyzer, TableOptions};

#[path = "../examples/generator/mod.rs"]
mod generator;

/// (answers, answered, distinct terms, occurrences of all terms, answers naming `Personal`);
/// since issue 14 a gender pair (`Bürgerinnen und Bürger`) is one occurrence of `Bürger*innen`
const EXPECTED: &[(u64, u64, usize, u64, u64)] = &[
    (10_000, 9_235, 6_805, 58_706, 3_111),
    (100_000, 92_139, 22_065, 583_939, 31_504),
    (1_000_000, 920_366, 69_215, 5_830_171, 314_390),
];

fn analyze(c: &mut Criterion) {
    let analyzer = Analyzer::german();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for &(n, answered, distinct, occurrences, personal) in EXPECTED {
        let owned = generator::answers(n, 1);
        let answers: Vec<&str> = owned.iter().map(String::as_str).collect();
        let bytes: u64 = answers.iter().map(|a| a.len() as u64 + 1).sum();
        group.throughput(Throughput::Bytes(bytes));
        for threads in [1, 2] {
            group.bench_with_input(
                BenchmarkId::new(format!("{threads}_threads"), n),
                &answers,
                |b, answers| {
                    b.iter(|| {
                        let table = analyzer
                            .count_parallel(answers, threads)
                            .table(&TableOptions::default());
                        assert_eq!(
                            (table.answers, table.answered, table.terms.len()),
                            (n, answered, distinct)
                        );
                        assert_eq!(
                            table.terms.iter().map(|t| t.occurrences).sum::<u64>(),
                            occurrences
                        );
                        assert_eq!(
                            (table.terms[0].label.as_str(), table.terms[0].answers),
                            ("Personal", personal)
                        );
                        table
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
