//! `customs completions` and `customs man`: both generated from the clap definition, so
//! they never fall behind the flags.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::args::Cli;

/// Writes the completion script of `shell` to standard output.
pub(crate) fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "customs", &mut script);
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(&script);
    Ok(ExitCode::SUCCESS)
}

/// Writes the manual page to standard output, or every page into `dir`.
pub(crate) fn man(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let cmd = Cli::command();
    match dir {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut page)
                .context("cannot render the manual page")?;
            let _ = std::io::stdout().lock().write_all(&page);
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let mut written = 0usize;
            write_pages(cmd, dir, &mut written)?;
            let _ = writeln!(
                std::io::stdout().lock(),
                "wrote {written} pages into {}",
                dir.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `customs.1`, then `customs-scan.1`, `customs-db-import.1`, ... (as git names its pages).
fn write_pages(cmd: clap::Command, dir: &Path, written: &mut usize) -> anyhow::Result<()> {
    let name = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_owned();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut page)
        .with_context(|| format!("cannot render the page of {name}"))?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    *written += 1;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub = sub
            .clone()
            .display_name(format!("{name}-{}", sub.get_name()));
        write_pages(sub, dir, written)?;
    }
    Ok(())
}
