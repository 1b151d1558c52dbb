//! The English catalogue.

pub mod console;
pub mod labels;
pub mod rules;
