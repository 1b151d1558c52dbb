//! "Find an expert for a case": the expert list narrowed to the application's theme and to the area of the
//! applicant, active experts only, fewest hours this year first so work is spread; each row shows its R-D5
//! conflicts with the applicant.

use super::{List, State};
use crate::app::Step;
use crate::store::roster::experts::{Case, ExpertFilter, ExpertSort};

/// Enters "find" for a loaded case: the list's own filter is kept aside until "find" is left.
pub fn start(state: &mut State, case: Case) -> Step {
    if state.case.is_none() {
        state.saved_filter = Some(state.filter.clone());
    }
    state.filter = filter_for(&case);
    state.list = List::Experts;
    state.case = Some(case);
    state.card = None;
    state.pager.reset();
    state.pager.set_viewport(state.list_rows());
    Step::effects(vec![state.request()])
}

/// The filter "find" starts with: the case's theme and area, active experts, fewest hours first.
pub fn filter_for(case: &Case) -> ExpertFilter {
    ExpertFilter {
        theme: Some(case.theme),
        area_id: case.area.as_ref().map(|a| a.0),
        active_only: true,
        sort: ExpertSort::Hours,
        ..ExpertFilter::default()
    }
}

/// The theme filter after `t`: in "find", the case's theme or any; in the list, any → 1 → .. → n → any.
pub fn next_theme(current: Option<u8>, themes: usize, case: Option<&Case>) -> Option<u8> {
    if let Some(case) = case {
        return if current.is_some() { None } else { Some(case.theme) };
    }
    match current {
        None if themes > 0 => Some(1),
        Some(t) if usize::from(t) < themes => Some(t + 1),
        _ => None,
    }
}

/// The area filter after `a`: in "find", the applicant's area or anywhere; in the list, each area in turn.
pub fn next_area(current: Option<i64>, areas: &[(i64, String)], case: Option<&Case>) -> Option<i64> {
    if let Some(case) = case {
        return if current.is_some() { None } else { case.area.as_ref().map(|a| a.0) };
    }
    match current.and_then(|c| areas.iter().position(|a| a.0 == c)) {
        None => areas.first().map(|a| a.0),
        Some(i) => areas.get(i + 1).map(|a| a.0),
    }
}
