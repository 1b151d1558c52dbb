//! One folder per tab: its state, reducer and view.
//!
//! Every tab after the first follows one contract, so the shell (`app`, `ui::frame`, `commands::console`) needs
//! one line per tab: a `State` with `set_viewport`, `activate`, `command`, `reply`, `filter_key`,
//! `select_visible` and `show`; `Load`/`Reply` for its reads (run by `commands::effects::<tab>::load`); `Purpose`
//! and `Save` for its forms and writes (`to_request`, `forms::field_for`, `commands::effects::<tab>::save`);
//! `view::draw` and `view::head`; and its own key scope in `app::keymap`.

pub mod events;
pub mod ledger;
pub mod queue;
pub mod reports;
pub mod roster;
