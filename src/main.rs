//! The `whosaid` command line: a thin layer over the library.
//!
//! Exit status: 0 success; 1 some documents could not be analysed (each got
//! an error record and a message on stderr); 2 unusable arguments or input.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
