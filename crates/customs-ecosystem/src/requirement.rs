//! Requirement strings (PEP 508) of Python metadata.

/// A PEP 508 requirement, parsed by `pep508_rs`, guarded: the crate panics on some
/// malformed names (a name ending in `.`, `-` or `_` before a space), so names are
/// checked first, and any other panic of the parser becomes an error too.
///
/// # Errors
/// A sentence naming what is wrong.
pub fn parse_requirement(
    text: &str,
) -> Result<pep508_rs::Requirement<pep508_rs::VerbatimUrl>, String> {
    use std::str::FromStr;
    let trimmed = text.trim_start();
    let name_end = trimmed
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(trimmed.len());
    if trimmed[..name_end].ends_with(['.', '-', '_']) {
        return Err(format!(
            "the name {:?} must end with a letter or digit",
            &trimmed[..name_end]
        ));
    }
    let rest = trimmed[name_end..].trim_start();
    if let Some(extras) = rest.strip_prefix('[') {
        let inside = extras.split(']').next().unwrap_or(extras);
        // Every run of name characters the parser would take as an extra's name.
        if let Some(bad) = inside
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .find(|e| e.ends_with(['.', '-', '_']))
        {
            return Err(format!("the extra {bad:?} must end with a letter or digit"));
        }
    }
    // Direct references (`name @ url`) are read by the callers themselves: the parser's
    // path handling panics on some file URLs.
    if rest.split(';').next().unwrap_or(rest).contains('@') {
        return Err("a direct reference (name @ url)".to_owned());
    }
    let owned = text.to_owned();
    std::panic::catch_unwind(move || {
        pep508_rs::Requirement::<pep508_rs::VerbatimUrl>::from_str(&owned)
            .map_err(|e| e.to_string())
    })
    .unwrap_or_else(|_| Err("the requirement parser failed on it".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_names_are_errors_not_panics() {
        assert!(parse_requirement("event-streamE. x").is_err());
        assert!(parse_requirement("a_ ==1").is_err());
        assert!(parse_requirement("t[olo.eo.\n \"0").is_err());
        assert!(parse_requirement("t[oER. NO\0 \"0").is_err());
        assert!(parse_requirement("pkg[a-b,c_d]>=1").is_ok());
        assert!(parse_requirement("local @ file:///tmp/x.tar.gz").is_err());
        let r = parse_requirement("Requests[socks]>=2 ; python_version > '3.8'").expect("valid");
        assert_eq!(r.name.as_ref(), "requests");
    }
}
