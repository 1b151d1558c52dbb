//! Pure types and the program's rules: no I/O, no clock, no terminal.

pub mod calendar;
pub mod fiscal_year;
pub mod fold;
pub mod model;
pub mod parse;
pub mod records;
pub mod rules;
pub mod wareki;
