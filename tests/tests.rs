//! CLI tests: they run the real `wortwolke` binary.

mod cli;
mod faults;
mod groups;
mod inputs;
mod oracle;
mod regression;
mod report;
mod small;
mod util;
mod words;
