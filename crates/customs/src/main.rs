//! The `customs` command: argument parsing and wiring only; each command's wiring is
//! in a module of its own.

mod admin;
mod args;
mod audit;
mod output;
mod scan;
mod serve;
mod shell;
mod verify;
mod watch;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// mimalloc: the analysers allocate and free many small syntax-tree nodes per file, from
/// several threads at once; glibc's allocator spent 15% of a corpus scan doing that. Its
/// `no_thp` feature turns transparent huge pages off for the process: with them, a corpus
/// scan grew to 4 GB resident, zeroing huge pages for 20 s of system time. Freed memory
/// is kept a second before it goes back to the system (`customs_alloc::tune`).
#[global_allocator]
static ALLOCATOR: customs_alloc::MiMalloc = customs_alloc::MiMalloc;

fn main() -> ExitCode {
    customs_alloc::tune();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => scan::scan(&args),
        Command::Diff(args) => scan::diff_command(&args),
        Command::Audit(args) => audit::audit_command(&args),
        Command::Db(cmd) => admin::db_command(&cmd),
        Command::Proxy(args) => serve::proxy_command(&args),
        Command::Run(args) => serve::run_command(&args),
        Command::Watch(args) => watch::watch_command(&args),
        Command::Verify(args) => verify::verify_command(&args),
        Command::Policy(cmd) => admin::policy_command(&cmd),
        Command::Rules { id, format } => admin::rules(id.as_deref(), format),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man { dir } => shell::man(dir.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}
