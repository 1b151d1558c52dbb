//! Drawing helpers and the text catalogues (ja, en). No state changes happen here.

pub mod form;
pub mod frame;
pub mod i18n;
pub mod lookup;
pub mod text;
pub mod theme;
