//! 日本語のテキスト (the Japanese catalogue).

pub mod console;
pub mod labels;
pub mod rules;
