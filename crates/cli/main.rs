//! The `wortwolke` binary: everything is in the library target (`lib.rs`), which the fuzz
//! targets share.

fn main() -> std::process::ExitCode {
    wortwolke::main()
}
