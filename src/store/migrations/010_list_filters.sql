-- List filters through the lookup index (issue 11). The applications queue and the desk consultations list filter
-- by their business's name, reading, phone or representative: applications (band 6, kind 'dispatch') and desk
-- consultations (band 7, kind 'consultation') carry copies of their business's entries in slots 8-15 of their id
-- band, kept by the triggers below, so a filter is one index range or one full-text match inside the band, however
-- many businesses match. Consultations also index their own caller, phone and content (slots 0-7, written by the
-- store; the migration's hook indexes the existing ones).

-- The table is rebuilt to admit the new kind and to make the folded index cover record_id (a filter reads ids
-- from the index alone). Entry ids are kept, so the full-text index stays valid.
CREATE TABLE search_entry_new (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL
              CHECK (kind IN ('business', 'expert', 'organisation', 'event', 'dispatch', 'claim', 'consultation')),
    record_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    folded    TEXT NOT NULL,
    UNIQUE (kind, record_id, field)
);
INSERT INTO search_entry_new (id, kind, record_id, field, folded)
    SELECT id, kind, record_id, field, folded FROM search_entry;
DROP TABLE search_entry;
ALTER TABLE search_entry_new RENAME TO search_entry;
CREATE INDEX search_entry_by_folded ON search_entry (kind, folded, record_id);
CREATE INDEX search_entry_by_record ON search_entry (record_id, kind);

-- Narrow covering indexes by id: a filter's matches are looked up here, not in the wide rows.
CREATE INDEX dispatch_by_id ON dispatch (id, fiscal_year, seq, status);
CREATE INDEX desk_consultation_by_id ON desk_consultation (id, fiscal_year, received_on);

-- A business entry written or removed: its applications' and consultations' copies follow.
CREATE TRIGGER search_business_copy_ai AFTER INSERT ON search_entry WHEN NEW.kind = 'business' BEGIN
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (6 << 44) | (d.id << 4) | 8 | (NEW.id & 7), 'dispatch', d.id, 'business.' || NEW.field, NEW.folded
        FROM dispatch d WHERE d.business_id = NEW.record_id;
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (7 << 44) | (c.id << 4) | 8 | (NEW.id & 7), 'consultation', c.id, 'business.' || NEW.field, NEW.folded
        FROM desk_consultation c WHERE c.business_id = NEW.record_id;
END;
CREATE TRIGGER search_business_copy_ad AFTER DELETE ON search_entry WHEN OLD.kind = 'business' BEGIN
    DELETE FROM search_entry WHERE id IN (
        SELECT (6 << 44) | (d.id << 4) | 8 | (OLD.id & 7) FROM dispatch d WHERE d.business_id = OLD.record_id
        UNION ALL
        SELECT (7 << 44) | (c.id << 4) | 8 | (OLD.id & 7) FROM desk_consultation c WHERE c.business_id = OLD.record_id);
END;

-- An application written, moved to another business (a merge) or removed.
CREATE TRIGGER search_dispatch_ai AFTER INSERT ON dispatch BEGIN
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (6 << 44) | (NEW.id << 4) | 8 | (e.id & 7), 'dispatch', NEW.id, 'business.' || e.field, e.folded
        FROM search_entry e WHERE e.record_id = NEW.business_id AND e.kind = 'business';
END;
CREATE TRIGGER search_dispatch_au AFTER UPDATE OF business_id ON dispatch
WHEN OLD.business_id IS NOT NEW.business_id BEGIN
    DELETE FROM search_entry WHERE id BETWEEN (6 << 44) | (OLD.id << 4) | 8 AND (6 << 44) | (OLD.id << 4) | 15;
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (6 << 44) | (NEW.id << 4) | 8 | (e.id & 7), 'dispatch', NEW.id, 'business.' || e.field, e.folded
        FROM search_entry e WHERE e.record_id = NEW.business_id AND e.kind = 'business';
END;
CREATE TRIGGER search_dispatch_ad AFTER DELETE ON dispatch BEGIN
    DELETE FROM search_entry WHERE id BETWEEN (6 << 44) | (OLD.id << 4) AND (6 << 44) | (OLD.id << 4) | 15;
END;

-- A consultation written, linked to another business or removed (its own entries are the store's).
CREATE TRIGGER search_consultation_ai AFTER INSERT ON desk_consultation BEGIN
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (7 << 44) | (NEW.id << 4) | 8 | (e.id & 7), 'consultation', NEW.id, 'business.' || e.field, e.folded
        FROM search_entry e WHERE e.record_id = NEW.business_id AND e.kind = 'business';
END;
CREATE TRIGGER search_consultation_au AFTER UPDATE OF business_id ON desk_consultation
WHEN OLD.business_id IS NOT NEW.business_id BEGIN
    DELETE FROM search_entry WHERE id BETWEEN (7 << 44) | (OLD.id << 4) | 8 AND (7 << 44) | (OLD.id << 4) | 15;
    INSERT INTO search_entry (id, kind, record_id, field, folded)
        SELECT (7 << 44) | (NEW.id << 4) | 8 | (e.id & 7), 'consultation', NEW.id, 'business.' || e.field, e.folded
        FROM search_entry e WHERE e.record_id = NEW.business_id AND e.kind = 'business';
END;
CREATE TRIGGER search_consultation_ad AFTER DELETE ON desk_consultation BEGIN
    DELETE FROM search_entry WHERE id BETWEEN (7 << 44) | (OLD.id << 4) AND (7 << 44) | (OLD.id << 4) | 15;
END;

-- The copies of the existing records.
INSERT INTO search_entry (id, kind, record_id, field, folded)
    SELECT (6 << 44) | (d.id << 4) | 8 | (e.id & 7), 'dispatch', d.id, 'business.' || e.field, e.folded
    FROM dispatch d JOIN search_entry e ON e.record_id = d.business_id AND e.kind = 'business';
INSERT INTO search_entry (id, kind, record_id, field, folded)
    SELECT (7 << 44) | (c.id << 4) | 8 | (e.id & 7), 'consultation', c.id, 'business.' || e.field, e.folded
    FROM desk_consultation c JOIN search_entry e ON e.record_id = c.business_id AND e.kind = 'business';
