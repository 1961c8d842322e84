#![allow(clippy::print_stdout)]
use std::time::Instant;
use wortwolke_layout::{layout, LayoutOptions, WeightedWord};
#[path = "../benches/layout.rs"]
#[allow(dead_code)]
mod b;
fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    let (n, w, h) = (args[0], args[1] as u32, args[2] as u32);
    let words: Vec<WeightedWord> = b::words(n);
    let options = LayoutOptions { width: w, height: h, ..Default::default() };
    for _ in 0..3 {
        let t = Instant::now();
        let cloud = layout(&words, &options);
        println!("{n} words {w}x{h}: {:?} placed {} dropped {}", t.elapsed(), cloud.words.len(), cloud.dropped.len());
    }
}
