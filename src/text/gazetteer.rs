//! The embedded gazetteer (`rules/data/gazetteer.tsv`, built from GeoNames
//! by `scripts/build_gazetteer.py`): about 79,000 names of countries,
//! first-level subdivisions, cities over 15,000 people (with their English
//! and alternate spellings) and regions, seas and continents. Loaded once
//! per process, on first use.

use std::sync::LazyLock;

const DATA: &str = include_str!("../../rules/data/gazetteer.tsv");

/// What a name is; a name can be several things ("Jordan": country and town).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    pub const COUNTRY: u8 = 1;
    pub const SUBDIVISION: u8 = 2;
    pub const CITY: u8 = 4;
    pub const REGION: u8 = 8;
    /// A state abbreviation ("N.J.", "CO"): a place only after a comma.
    pub const ABBREVIATION: u8 = 16;

    pub fn has(self, kind: u8) -> bool {
        self.0 & kind != 0
    }

    /// A place by itself: anything but a bare abbreviation.
    pub fn is_place(self) -> bool {
        self.0 & !Self::ABBREVIATION != 0
    }

    /// A country, subdivision, region or abbreviation: what may follow
    /// "City, " to say where the city is.
    pub fn is_container(self) -> bool {
        self.0 & !Self::CITY != 0
    }
}

/// The embedded file's lines, sorted by key: looked up by binary search,
/// so loading costs one pass over the text and no table of strings.
pub struct Gazetteer {
    entries: Vec<(&'static str, Kinds)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(DATA));

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let mut entries = Vec::with_capacity(80_000);
        for line in data.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((name, kinds)) = line.split_once('\t') else {
                continue;
            };
            let mut bits = 0u8;
            for k in kinds.bytes() {
                bits |= match k {
                    b'C' => Kinds::COUNTRY,
                    b'A' => Kinds::SUBDIVISION,
                    b'T' => Kinds::CITY,
                    b'R' => Kinds::REGION,
                    b'S' => Kinds::ABBREVIATION,
                    _ => 0,
                };
            }
            entries.push((name, Kinds(bits)));
        }
        // The build script sorts the file; sort anyway if it was edited by hand.
        if !entries.is_sorted_by(|a, b| a.0 <= b.0) {
            entries.sort_by(|a, b| a.0.cmp(b.0));
        }
        Gazetteer { entries }
    }

    /// The process-wide gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        &GAZETTEER
    }

    fn find(&self, key: &str) -> Option<Kinds> {
        self.entries
            .binary_search_by(|(name, _)| (*name).cmp(key))
            .ok()
            .map(|i| self.entries[i].1)
    }

    /// What `name` is: an abbreviation as written ("N.J.", "CO"), or a
    /// place matched without regard to case, with typographic apostrophes
    /// straightened and a leading "the" optional.
    pub fn lookup(&self, name: &str) -> Option<Kinds> {
        let name = name.replace('’', "'");
        if let Some(k) = self.find(&name) {
            return Some(k);
        }
        let lower = name.to_lowercase();
        let found = |key: &str| {
            self.find(key)
                .or_else(|| key.strip_prefix("the ").and_then(|rest| self.find(rest)))
        };
        found(&lower).or_else(|| {
            // Accents as a writer may add them ("Whangārei", "Kraków"):
            // the gazetteer holds every name folded as well.
            (!lower.is_ascii())
                .then(|| fold(&lower))
                .and_then(|folded| found(&folded))
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A name without its accents (`"whangārei"` → `"whangarei"`), as
/// `scripts/build_gazetteer.py` folds the names it adds.
fn fold(name: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    name.nfkd().filter(|c| !is_combining_mark(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_with_or_without_their_accents() {
        let g = Gazetteer::get();
        assert!(g.lookup("Whangārei").is_some_and(Kinds::is_place));
        assert!(g.lookup("Whangarei").is_some_and(Kinds::is_place));
        assert!(g.lookup("Kraków").is_some_and(Kinds::is_place));
        assert!(g.lookup("Pātaua farm").is_none());
    }
}
