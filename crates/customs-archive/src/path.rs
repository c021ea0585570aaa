use crate::{Anomaly, AnomalyKind};

/// Checks one member name for the ways an archive path can escape or confuse an
/// extractor. Returns the anomalies it shows (none for an ordinary relative path).
#[must_use]
pub fn check_member_path(raw: &[u8], shown: &str) -> Vec<Anomaly> {
    let mut out = Vec::new();
    if std::str::from_utf8(raw).is_err() {
        out.push(Anomaly::new(
            AnomalyKind::SuspiciousName,
            shown,
            "member name is not valid UTF-8",
        ));
    }
    if raw.iter().any(|&b| b < 0x20 || b == 0x7f) {
        out.push(Anomaly::new(
            AnomalyKind::SuspiciousName,
            shown,
            "member name contains control characters",
        ));
    }
    if raw.contains(&b'\\') {
        out.push(Anomaly::new(
            AnomalyKind::SuspiciousName,
            shown,
            "member name uses backslashes, which Windows extractors treat as folder separators",
        ));
    }
    let is_drive = raw.len() >= 2 && raw[0].is_ascii_alphabetic() && raw[1] == b':';
    if raw.first().is_some_and(|&b| b == b'/' || b == b'\\') || is_drive {
        out.push(Anomaly::new(
            AnomalyKind::AbsolutePath,
            shown,
            "absolute member path: an extractor would write outside its folder",
        ));
    }
    if raw
        .split(|&b| b == b'/' || b == b'\\')
        .any(|component| component == b"..")
    {
        out.push(Anomaly::new(
            AnomalyKind::PathTraversal,
            shown,
            "member path contains '..': an extractor would write outside its folder",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(raw: &str) -> Vec<AnomalyKind> {
        check_member_path(raw.as_bytes(), raw)
            .into_iter()
            .map(|a| a.kind)
            .collect()
    }

    #[test]
    fn ordinary_paths_pass() {
        assert!(kinds("pkg-1.0/src/pkg/__init__.py").is_empty());
        assert!(kinds("package/lib/..hidden/x.js").is_empty());
    }

    #[test]
    fn escapes_are_named() {
        assert_eq!(
            kinds("../../etc/cron.d/x"),
            vec![AnomalyKind::PathTraversal]
        );
        assert_eq!(kinds("/etc/passwd"), vec![AnomalyKind::AbsolutePath]);
        assert_eq!(
            kinds("C:\\Windows\\x.dll"),
            vec![AnomalyKind::SuspiciousName, AnomalyKind::AbsolutePath]
        );
        assert_eq!(
            kinds("a\\..\\..\\b"),
            vec![AnomalyKind::SuspiciousName, AnomalyKind::PathTraversal]
        );
        assert_eq!(kinds("a\nb"), vec![AnomalyKind::SuspiciousName]);
    }
}
