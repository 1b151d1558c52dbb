//! The frequency tables (`F`): the records of the year of the list shown when F was pressed, narrowed by its
//! filter as it stood, counted by one or two fields (`r` and `c` choose them), a cursor over the cells, and the
//! records behind a cell (Enter), each of which opens in its tab (Enter again).

use super::{Load, State};
use crate::app::Effect;
use crate::app::keymap::Command;
use crate::store::reports::freq::{Cell, Field, Listing, Source};

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
    /// The list counted, with its filter.
    pub listing: Listing,
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
    /// Open this record of the list in its tab.
    Open(Listing, i64),
}

/// The most records listed behind one cell.
pub const RECORDS_LIMIT: usize = 500;

impl Freq {
    /// The kind of records counted.
    pub fn source(&self) -> Source {
        self.listing.source()
    }

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
            self.source().fields().iter().copied().filter(|x| Some(*x) != except).map(Some).collect();
        if with_none {
            options.push(None);
        }
        let i = options.iter().position(|o| *o == f).map_or(0, |i| (i + 1) % options.len());
        options[i]
    }

    fn load(&self, generation: u64) -> Effect {
        Effect::Reports(Load::Counts { generation, listing: self.listing.clone(), rows: self.rows, cols: self.cols })
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
    /// Opens the frequency view on `listing` with its usual first table (theme × chamber, channel × outcome,
    /// theme × kind, status × month).
    pub fn open_freq(&mut self, listing: Listing) -> Vec<Effect> {
        let (rows, cols) = match listing.source() {
            Source::Dispatches => (Field::Theme, Some(Field::Chamber)),
            Source::Consultations => (Field::Channel, Some(Field::Outcome)),
            Source::Events => (Field::Theme, Some(Field::Kind)),
            Source::Claims => (Field::Status, Some(Field::Month)),
        };
        let f = Freq { listing, rows, cols, cells: None, cursor: (0, 0), records: None };
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
                    Some((id, _)) => Outcome::Open(f.listing.clone(), *id),
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
                    listing: f.listing.clone(),
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
    use crate::domain::model::DispatchStatus;
    use crate::store::calendar::CalendarFilter;
    use crate::store::ledger::lists::LedgerFilter;
    use crate::store::queue::QueueFilter;

    fn all_applications() -> Listing {
        Listing::Applications(QueueFilter::default())
    }

    fn cell(r: &str, c: Option<&str>, n: i64) -> Cell {
        Cell { row: Some(r.into()), col: c.map(String::from), count: n }
    }

    #[test]
    fn keys_choose_fields_move_over_cells_and_open_the_records_behind_one() {
        let mut s = State::default();
        let fx = s.open_freq(all_applications());
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
        assert_eq!(s.freq_key(Some(Command::Open)), Outcome::Open(all_applications(), 7));
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
        s.open_freq(Listing::Events(CalendarFilter::default()));
        s.freq_key(Some(Command::Down));
        s.freq_key(Some(Command::Open));
        s.reply(super::super::Reply::Counts { generation: 1, cells: vec![cell("01", Some("seminar"), 4)] });
        assert_eq!(s.freq.as_ref().unwrap().cells.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn a_stale_count_is_dropped() {
        let mut s = State::default();
        s.open_freq(Listing::Claims(LedgerFilter::default()));
        s.freq_key(Some(Command::FreqColumns));
        s.reply(super::super::Reply::Counts { generation: 1, cells: vec![cell("paid", None, 1)] });
        assert!(s.freq.as_ref().unwrap().cells.is_none(), "the reply of the first request comes too late");
    }

    #[test]
    fn the_filter_of_the_list_goes_with_every_count_the_records_of_a_cell_and_the_record_opened() {
        let filtered = Listing::Applications(QueueFilter {
            status: Some(DispatchStatus::Approved),
            text: "阿蘇".into(),
            record: None,
        });
        let mut s = State::default();
        let fx = s.open_freq(filtered.clone());
        assert!(matches!(&fx[..], [Effect::Reports(Load::Counts { listing, .. })] if *listing == filtered), "{fx:?}");
        let Outcome::Effects(fx) = s.freq_key(Some(Command::FreqColumns)) else { panic!() };
        assert!(matches!(&fx[..], [Effect::Reports(Load::Counts { listing, .. })] if *listing == filtered), "{fx:?}");
        let generation = s.generation;
        s.reply(super::super::Reply::Counts { generation, cells: vec![cell("03", Some("approved"), 2)] });
        let Outcome::Effects(fx) = s.freq_key(Some(Command::Open)) else { panic!() };
        assert!(matches!(&fx[..], [Effect::Reports(Load::Records { listing, .. })] if *listing == filtered), "{fx:?}");
        let generation = s.generation;
        s.reply(super::super::Reply::Records { generation, records: vec![(5, "R7-0005 阿蘇観光".into())] });
        assert_eq!(s.freq_key(Some(Command::Open)), Outcome::Open(filtered, 5), "opened in the list it was counted in");
    }

    #[test]
    fn desk_consultations_are_counted_by_channel_and_outcome_first() {
        let mut s = State::default();
        let fx = s.open_freq(Listing::Consultations("たなか".into()));
        assert!(
            matches!(
                &fx[..],
                [Effect::Reports(Load::Counts { listing: Listing::Consultations(t), rows: Field::Channel, cols: Some(Field::Outcome), .. })]
                    if t == "たなか"
            ),
            "{fx:?}"
        );
        let Outcome::Effects(fx) = s.freq_key(Some(Command::FreqRows)) else { panic!() };
        assert!(
            matches!(&fx[..], [Effect::Reports(Load::Counts { rows: Field::Outcome, cols: Some(Field::Channel), .. })]),
            "rows and columns swap when the next rows field is the columns': {fx:?}"
        );
    }
}
