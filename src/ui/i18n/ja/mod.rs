//! 日本語のテキスト (the Japanese catalogue).

pub mod labels;
pub mod rules;
