-- The lookup index (issue: global lookup). One row per searchable field of a record, holding the field folded
-- by domain::fold (kana, widths, legal forms, variant kanji). FTS5 with the trigram tokenizer answers queries of
-- 3+ characters; the btree index on `folded` answers 1-2 character prefix queries; `digits` holds phone digits.
CREATE TABLE search_entry (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('business', 'expert', 'organisation', 'event', 'dispatch', 'claim')),
    record_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    folded    TEXT NOT NULL,
    UNIQUE (kind, record_id, field)
);
CREATE INDEX search_entry_by_folded ON search_entry (kind, folded);
CREATE INDEX search_entry_by_record ON search_entry (record_id, kind);

CREATE VIRTUAL TABLE search_fts USING fts5 (folded, content = 'search_entry', content_rowid = 'id', tokenize = 'trigram');
-- The triggers that keep search_fts in step with search_entry are created by the migration's hook
-- (store::search::FTS_TRIGGERS), so bulk work can switch them off and rebuild the index once.
