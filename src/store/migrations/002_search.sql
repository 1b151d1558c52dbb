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
CREATE INDEX search_entry_by_folded ON search_entry (folded);
CREATE INDEX search_entry_by_record ON search_entry (record_id, kind);

CREATE VIRTUAL TABLE search_fts USING fts5 (folded, content = 'search_entry', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_fts (rowid, folded) VALUES (NEW.id, NEW.folded);
END;
CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', OLD.id, OLD.folded);
END;
CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', OLD.id, OLD.folded);
    INSERT INTO search_fts (rowid, folded) VALUES (NEW.id, NEW.folded);
END;
