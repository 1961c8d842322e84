//! Analysis throughput on the bundled example answers, repeated to a realistic size.
//! Each bench checks its result so that a broken pipeline cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use wortwolke_text::{Analyzer, Weight};

const EFA: &str = include_str!("../examples/answers/efa_gruende.txt");
const KOORDINATION: &str = include_str!("../examples/answers/koordination.txt");

fn answers(copies: usize) -> Vec<&'static str> {
    let lines: Vec<&str> = EFA.lines().chain(KOORDINATION.lines()).collect();
    lines
        .iter()
        .copied()
        .cycle()
        .take(lines.len() * copies)
        .collect()
}

fn analyze(c: &mut Criterion) {
    let analyzer = Analyzer::german();
    let answers = answers(50);
    let bytes: usize = answers.iter().map(|a| a.len() + 1).sum();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("count_10k_answers", |b| {
        b.iter(|| {
            let table = analyzer
                .count(answers.iter().copied())
                .table(Weight::Answers, analyzer.labels());
            assert_eq!(table.answers, 10_150);
            assert_eq!(table.terms[0].term, "Kommunen");
            table
        })
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
