//! "Did you mean …?": the one place a mistyped name is matched against the
//! valid ones (rule ids and groups, option names, config keys).

/// The candidate closest to `name` by edit distance, when it is close
/// enough to be a typo of it: at most a third of its length plus one.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= candidate.chars().count() / 3 + 1)
        .min()
        .map(|(_, candidate)| candidate)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean(nearest: Option<&str>) -> String {
    nearest
        .map(|n| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn finds_typos_not_strangers() {
        let ids = ["img-alt-missing", "heading-order", "alt"];
        assert_eq!(nearest("img-alt-mising", ids), Some("img-alt-missing"));
        assert_eq!(nearest("heading-ordr", ids), Some("heading-order"));
        assert_eq!(nearest("alr", ids), Some("alt"));
        assert_eq!(nearest("colour", ids), None);
        assert_eq!(nearest("max_bytes", ["max_bytes"]), Some("max_bytes"));
        assert_eq!(
            nearest("maxbytes", ["max_bytes", "level"]),
            Some("max_bytes")
        );
    }
}
