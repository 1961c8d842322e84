//! CLI tests: they run the real `wortwolke` binary.

mod cli;
mod inputs;
mod regression;
mod small;
mod util;
