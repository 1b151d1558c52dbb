//! The lookup's order within a kind (issue 5): exact and prefix matches first, then records opened recently from
//! the lookup, then active ones (an open application before a closed one, an active expert before a retired one,
//! an upcoming event before a past one), then the order the index found them in.

use std::collections::HashMap;

use super::HitKind;
use crate::store::search::MatchClass;

/// Records opened from the lookup: (kind, id) → 0 for the latest, 1 for the one before, ...
pub type Recent = HashMap<(HitKind, i64), usize>;

/// A record found, how it matched the query and whether it is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Record id.
    pub id: i64,
    /// How well it matched.
    pub class: MatchClass,
    /// An open application (or a business with one), an active expert or organisation, an upcoming event, an
    /// unpaid claim.
    pub active: bool,
}

/// Orders candidates best first and keeps the ids of `keep` of them: exact matches, then prefix matches, then
/// substring matches; within each, recently opened records (latest first), then active ones; the index's order
/// breaks the remaining ties (a stable sort).
pub fn rank(kind: HitKind, mut candidates: Vec<Candidate>, recent: &Recent, keep: usize) -> Vec<i64> {
    candidates.sort_by_key(|c| {
        let opened = recent.get(&(kind, c.id)).copied().unwrap_or(usize::MAX);
        (c.class, opened, !c.active)
    });
    candidates.into_iter().take(keep).map(|c| c.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64, class: MatchClass, active: bool) -> Candidate {
        Candidate { id, class, active }
    }

    fn ids(ids: &[i64]) -> Vec<i64> {
        ids.to_vec()
    }

    fn rank(c: Vec<Candidate>, recent: &Recent, keep: usize) -> Vec<i64> {
        super::rank(HitKind::Application, c, recent, keep)
    }

    #[test]
    fn exact_then_prefix_then_substring() {
        let c = vec![
            candidate(1, MatchClass::Substring, true),
            candidate(2, MatchClass::Prefix, true),
            candidate(3, MatchClass::Exact, true),
        ];
        assert_eq!(ids(&rank(c, &Recent::new(), 10)), vec![3, 2, 1]);
    }

    #[test]
    fn recently_opened_before_others_of_its_class_latest_first() {
        let c = vec![
            candidate(1, MatchClass::Substring, true),
            candidate(2, MatchClass::Substring, true),
            candidate(3, MatchClass::Substring, true),
            candidate(4, MatchClass::Prefix, true),
        ];
        let recent = Recent::from([((HitKind::Application, 3), 0), ((HitKind::Application, 2), 1)]);
        assert_eq!(ids(&rank(c, &recent, 10)), vec![4, 3, 2, 1], "a prefix match still leads");
        // Another kind's record with the same id is not this one.
        let other = Recent::from([((HitKind::Business, 1), 0)]);
        let c = vec![candidate(2, MatchClass::Substring, true), candidate(1, MatchClass::Substring, true)];
        assert_eq!(ids(&rank(c, &other, 10)), vec![2, 1]);
    }

    #[test]
    fn active_before_closed_retired_or_past() {
        let c = vec![
            candidate(1, MatchClass::Substring, false),
            candidate(2, MatchClass::Substring, true),
            candidate(3, MatchClass::Prefix, false),
            candidate(4, MatchClass::Prefix, true),
        ];
        assert_eq!(ids(&rank(c, &Recent::new(), 3)), vec![4, 3, 2], "kept: the best three");
    }
}
