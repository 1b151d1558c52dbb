//! The files the desk hands out: the annual achievement report (xlsx, CSV), the feedback to a chamber, the
//! documents it sends (xlsx, PDF) and the announcements (HTML, CSV).
//!
//! Sits beside the commands, above `store` (which answers the queries) and `ui::i18n` (which words them): the
//! builders turn query results into [`table::Table`]s and [`document::Document`]s, the writers turn those into
//! files.

pub mod announcements;
pub mod csv;
pub mod document;
pub mod feedback;
pub mod file;
pub mod font;
pub mod forms;
pub mod html;
pub mod pdf;
pub mod report;
pub mod run;
pub mod table;
pub mod xlsx;
