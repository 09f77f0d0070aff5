//! The factlint binary: parses the command line, runs the library, prints,
//! and maps the outcome to the exit code (0 clean, 1 contradictions, 2 error).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
