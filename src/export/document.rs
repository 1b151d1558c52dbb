//! A document the desk sends (a notice, a request, a form, a list) as blocks in the form's order, rendered
//! alike to an xlsx sheet and to a PDF.

use super::table::Table;

/// A document: heading lines, then its blocks in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title, centred on top.
    pub title: String,
    /// The date it is made, as written on it.
    pub date: String,
    /// Who it goes to (`山都町商工会 御中`), if addressed.
    pub addressee: Option<String>,
    /// Who sends it, line by line.
    pub sender: Vec<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// One part of a document's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sentence or paragraph.
    Paragraph(String),
    /// A centred word (記).
    Centered(String),
    /// A labelled value.
    Field(String, String),
    /// A table.
    Table(Table),
}
