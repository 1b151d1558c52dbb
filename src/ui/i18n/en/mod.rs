//! The English catalogue.

pub mod labels;
pub mod rules;
