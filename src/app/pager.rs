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

    /// Sets the page size (start, resize).
    pub fn set_viewport(&mut self, rows: usize) {
        self.viewport = rows.max(1);
        self.scroll_into_view();
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
