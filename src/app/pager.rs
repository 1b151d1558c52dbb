//! Positions in a long list of which only the visible page is loaded: selection, first visible row, page
//! size, and the generation of the latest page request (older replies are dropped).

use super::keymap::Command;

/// Where a paged list stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pager {
    /// Rows in the whole list.
    pub total: usize,
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first visible row.
    pub top: usize,
    /// Rows that fit on screen.
    pub viewport: usize,
    /// Generation of the latest page request.
    pub generation: u64,
}

/// What a movement needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Nothing changed.
    No,
    /// The selection moved within the loaded page.
    WithinPage,
    /// The visible page changed: load it.
    NewPage,
}

impl Pager {
    /// Applies a movement command.
    pub fn apply(&mut self, cmd: Command) -> Moved {
        let last = self.total.saturating_sub(1);
        let before = (self.selected, self.top);
        self.selected = match cmd {
            Command::Up => self.selected.saturating_sub(1),
            Command::Down => (self.selected + 1).min(last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageUp => self.selected.saturating_sub(self.viewport),
            Command::PageDown => (self.selected + self.viewport).min(last),
            _ => self.selected,
        };
        self.scroll_into_view();
        if (self.selected, self.top) == before {
            Moved::No
        } else if self.top != before.1 {
            Moved::NewPage
        } else {
            Moved::WithinPage
        }
    }

    /// Sets the page size (start, resize); true when the first visible row moved (the held page no longer
    /// starts at `top`).
    pub fn set_viewport(&mut self, rows: usize) -> bool {
        let top = self.top;
        self.viewport = rows.max(1);
        self.scroll_into_view();
        self.top != top
    }

    /// Keeps the held page in step with a new viewport until the next page arrives: dropped when the first
    /// visible row `moved`, else cut to the rows now visible (only visible rows are held).
    pub fn trim<T>(&self, held: &mut Vec<T>, moved: bool) {
        if moved {
            held.clear();
        } else {
            held.truncate(self.viewport);
        }
    }

    /// Back to the first row (new filter, new record at the top).
    pub fn reset(&mut self) {
        self.selected = 0;
        self.top = 0;
    }

    /// Starts a page request; returns its generation.
    pub fn request(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// Takes a page reply; false when it answers an older request.
    pub fn accept(&mut self, generation: u64, total: usize, top: usize) -> bool {
        if generation != self.generation {
            return false;
        }
        self.total = total;
        self.top = top;
        self.selected = self.selected.min(total.saturating_sub(1));
        true
    }

    /// Index of the selected row within the loaded page.
    pub fn selected_in_page(&self) -> Option<usize> {
        self.selected.checked_sub(self.top)
    }

    fn scroll_into_view(&mut self) {
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + self.viewport {
            self.top = self.selected + 1 - self.viewport;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_smaller_viewport_cuts_the_held_page_and_a_moved_top_drops_it() {
        let mut p = Pager { total: 100, viewport: 20, ..Pager::default() };
        let mut held: Vec<usize> = (0..20).collect();
        let moved = p.set_viewport(5);
        p.trim(&mut held, moved);
        assert_eq!(held, vec![0, 1, 2, 3, 4], "the cursor at the top: the first rows stay");
        p.selected = 4;
        let mut held: Vec<usize> = (0..5).collect();
        let moved = p.set_viewport(2);
        assert_eq!((moved, p.top), (true, 3));
        p.trim(&mut held, moved);
        assert!(held.is_empty(), "rows held for another top are dropped until the next page");
    }
}
