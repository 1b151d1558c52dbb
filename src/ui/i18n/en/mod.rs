//! The English catalogue.

pub mod backup;
pub mod cli;
pub mod console;
pub mod forms;
pub mod labels;
pub mod parse;
pub mod rules;
