//! The frequency tables (`F`): the current list's records of the year counted by one or two fields (`r` and
//! `c` choose them), a cursor over the cells, and the records behind a cell (Enter), each of which opens in its
//! tab (Enter again).

use super::{Load, State};
use crate::app::Effect;
use crate::app::keymap::Command;
use crate::store::reports::freq::{Cell, Field, Source};

/// The records behind the cell under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    /// The cell's keys (rows, columns).
    pub keys: (Option<String>, Option<String>),
    /// (id, label) pairs, once loaded.
    pub list: Option<Vec<(i64, String)>>,
    /// Cursor.
    pub cursor: usize,
}

/// The view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freq {
    /// The list counted.
    pub source: Source,
    /// Rows field.
    pub rows: Field,
    /// Columns field (None: one field only).
    pub cols: Option<Field>,
    /// The counts, once loaded.
    pub cells: Option<Vec<Cell>>,
    /// Cursor row and column.
    pub cursor: (usize, usize),
    /// The records of a cell, when shown.
    pub records: Option<Records>,
}

/// What a key asks of the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Effects to run.
    Effects(Vec<Effect>),
    /// Close the view.
    Close,
    /// Open this record in its tab.
    Open(Source, i64),
}

/// The most records listed behind one cell.
pub const RECORDS_LIMIT: usize = 500;

impl Freq {
    /// The distinct row keys and column keys of the counts, in order (not recorded last).
    pub fn axes(&self) -> (Vec<Option<String>>, Vec<Option<String>>) {
        let cells = self.cells.as_deref().unwrap_or_default();
        let mut rows: Vec<Option<String>> = Vec::new();
        for c in cells {
            if rows.last() != Some(&c.row) {
                rows.push(c.row.clone());
            }
        }
        let mut cols: Vec<Option<String>> = cells.iter().map(|c| c.col.clone()).collect();
        // None sorts first in Rust: put it last, as the SQL does.
        cols.sort_by(|a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
        cols.dedup();
        (rows, cols)
    }

    /// The count of the cell at (row key, column key).
    pub fn count(&self, row: &Option<String>, col: &Option<String>) -> i64 {
        self.cells.iter().flatten().find(|c| &c.row == row && &c.col == col).map_or(0, |c| c.count)
    }

    /// The next field after `f` among the source's fields, skipping `except`.
    fn next_field(&self, f: Option<Field>, except: Option<Field>, with_none: bool) -> Option<Field> {
        let mut options: Vec<Option<Field>> =
            self.source.fields().iter().copied().filter(|x| Some(*x) != except).map(Some).collect();
        if with_none {
            options.push(None);
        }
        let i = options.iter().position(|o| *o == f).map_or(0, |i| (i + 1) % options.len());
        options[i]
    }

    fn load(&self, generation: u64) -> Effect {
        Effect::Reports(Load::Counts { generation, source: self.source, rows: self.rows, cols: self.cols })
    }

    /// Takes the counts.
    pub fn counts_loaded(&mut self, cells: Vec<Cell>) {
        self.cells = Some(cells);
        let (rows, cols) = self.axes();
        self.cursor =
            (self.cursor.0.min(rows.len().saturating_sub(1)), self.cursor.1.min(cols.len().saturating_sub(1)));
    }

    /// Takes the records of a cell.
    pub fn records_loaded(&mut self, records: Vec<(i64, String)>) {
        if let Some(r) = &mut self.records {
            r.list = Some(records);
        }
    }
}

impl State {
    /// Opens the frequency view on `source` with its usual first table (theme × chamber, kind × theme, status ×
    /// month).
    pub fn open_freq(&mut self, source: Source) -> Vec<Effect> {
        let (rows, cols) = match source {
            Source::Dispatches => (Field::Theme, Some(Field::Chamber)),
            Source::Events => (Field::Theme, Some(Field::Kind)),
            Source::Claims => (Field::Status, Some(Field::Month)),
        };
        let f = Freq { source, rows, cols, cells: None, cursor: (0, 0), records: None };
        let generation = self.next_generation();
        let fx = f.load(generation);
        self.freq = Some(f);
        vec![fx]
    }

    /// A key in the frequency view; a new request supersedes the ones still out (their replies are dropped).
    pub fn freq_key(&mut self, cmd: Option<Command>) -> Outcome {
        let generation = self.generation + 1;
        let outcome = self.freq_outcome(cmd, generation);
        if matches!(&outcome, Outcome::Effects(fx) if !fx.is_empty()) {
            self.generation = generation;
        }
        outcome
    }

    fn freq_outcome(&mut self, cmd: Option<Command>, generation: u64) -> Outcome {
        let Some(f) = &mut self.freq else { return Outcome::Close };
        let none = Outcome::Effects(Vec::new());
        if let Some(r) = &mut f.records {
            let n = r.list.as_ref().map_or(0, Vec::len);
            return match cmd {
                Some(Command::Back) => {
                    f.records = None;
                    none
                }
                Some(Command::Up) => {
                    r.cursor = r.cursor.saturating_sub(1);
                    none
                }
                Some(Command::Down) => {
                    r.cursor = (r.cursor + 1).min(n.saturating_sub(1));
                    none
                }
                Some(Command::Open) => match r.list.as_ref().and_then(|l| l.get(r.cursor)) {
                    Some((id, _)) => Outcome::Open(f.source, *id),
                    None => none,
                },
                _ => none,
            };
        }
        let (rows, cols) = f.axes();
        match cmd {
            Some(Command::Back) => Outcome::Close,
            Some(Command::Up) => {
                f.cursor.0 = f.cursor.0.saturating_sub(1);
                none
            }
            Some(Command::Down) => {
                f.cursor.0 = (f.cursor.0 + 1).min(rows.len().saturating_sub(1));
                none
            }
            Some(Command::PrevColumn) => {
                f.cursor.1 = f.cursor.1.saturating_sub(1);
                none
            }
            Some(Command::NextColumn) => {
                f.cursor.1 = (f.cursor.1 + 1).min(cols.len().saturating_sub(1));
                none
            }
            Some(Command::FreqRows) => {
                let next = f.next_field(Some(f.rows), None, false).unwrap_or(f.rows);
                if f.cols == Some(next) {
                    f.cols = Some(f.rows);
                }
                f.rows = next;
                f.cells = None;
                Outcome::Effects(vec![f.load(generation)])
            }
            Some(Command::FreqColumns) => {
                f.cols = f.next_field(f.cols, Some(f.rows), true);
                f.cells = None;
                Outcome::Effects(vec![f.load(generation)])
            }
            Some(Command::Open) => {
                let (Some(row), Some(col)) = (rows.get(f.cursor.0), cols.get(f.cursor.1)) else { return none };
                if f.count(row, col) == 0 {
                    return none;
                }
                f.records = Some(Records { keys: (row.clone(), col.clone()), list: None, cursor: 0 });
                Outcome::Effects(vec![Effect::Reports(Load::Records {
                    generation,
                    source: f.source,
                    rows: (f.rows, row.clone()),
                    cols: f.cols.map(|c| (c, col.clone())),
                })])
            }
            _ => none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(r: &str, c: Option<&str>, n: i64) -> Cell {
        Cell { row: Some(r.into()), col: c.map(String::from), count: n }
    }

    #[test]
    fn keys_choose_fields_move_over_cells_and_open_the_records_behind_one() {
        let mut s = State::default();
        let fx = s.open_freq(Source::Dispatches);
        assert!(matches!(fx.as_slice(), [Effect::Reports(Load::Counts { rows: Field::Theme, .. })]), "{fx:?}");
        let generation = s.generation;
        s.reply(super::super::Reply::Counts {
            generation,
            cells: vec![cell("01", Some("A"), 2), cell("01", None, 1), cell("02", Some("B"), 3)],
        });
        let f = s.freq.as_ref().unwrap();
        assert_eq!(f.axes().1, vec![Some("A".into()), Some("B".into()), None], "not recorded last");
        s.freq_key(Some(Command::Down));
        s.freq_key(Some(Command::NextColumn));
        let Outcome::Effects(fx) = s.freq_key(Some(Command::Open)) else { panic!() };
        assert!(
            matches!(&fx[..], [Effect::Reports(Load::Records { rows: (Field::Theme, Some(r)), cols: Some((Field::Chamber, Some(c))), .. })] if r == "02" && c == "B"),
            "{fx:?}"
        );
        let generation = s.generation;
        s.reply(super::super::Reply::Records { generation, records: vec![(7, "R7-0007 熊本商店".into())] });
        assert_eq!(s.freq_key(Some(Command::Open)), Outcome::Open(Source::Dispatches, 7));
        s.freq_key(Some(Command::Back));
        assert!(s.freq.as_ref().unwrap().records.is_none(), "Esc goes back to the table first");
        let Outcome::Effects(fx) = s.freq_key(Some(Command::FreqColumns)) else { panic!() };
        assert!(matches!(fx.as_slice(), [Effect::Reports(Load::Counts { cols: Some(Field::Status), .. })]), "{fx:?}");
        let Outcome::Effects(fx) = s.freq_key(Some(Command::FreqRows)) else { panic!() };
        assert!(
            matches!(
                fx.as_slice(),
                [Effect::Reports(Load::Counts { rows: Field::Chamber, cols: Some(Field::Status), .. })]
            ),
            "{fx:?}"
        );
        assert_eq!(s.freq_key(Some(Command::Back)), Outcome::Close);
    }

    #[test]
    fn a_key_that_asks_nothing_keeps_the_count_in_flight() {
        let mut s = State::default();
        s.open_freq(Source::Events);
        s.freq_key(Some(Command::Down));
        s.freq_key(Some(Command::Open));
        s.reply(super::super::Reply::Counts { generation: 1, cells: vec![cell("01", Some("seminar"), 4)] });
        assert_eq!(s.freq.as_ref().unwrap().cells.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn a_stale_count_is_dropped() {
        let mut s = State::default();
        s.open_freq(Source::Claims);
        s.freq_key(Some(Command::FreqColumns));
        s.reply(super::super::Reply::Counts { generation: 1, cells: vec![cell("paid", None, 1)] });
        assert!(s.freq.as_ref().unwrap().cells.is_none(), "the reply of the first request comes too late");
    }
}
