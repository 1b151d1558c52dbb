//! Drawing helpers and the text catalogues (ja, en). No state changes happen here.

pub mod i18n;
