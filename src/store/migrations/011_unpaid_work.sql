-- Work with no payment yet (issue 11): the ledger's Work view counted a year's visits against their payments on
-- every first show (98,000 visits at demo --scale 100, 0.1-0.4 s). The view below is the one definition of unpaid
-- work; the table holds its rows, kept in step by triggers in store::ledger::unpaid; derived data: never audited,
-- never undone by itself.

-- A visit by an expert with no payment, and an expert's part in an event (not cancelled) with no payment for
-- that expert.
CREATE VIEW unpaid_work_entry AS
    SELECT 'visit' AS kind, v.id AS ref_id, v.expert_id AS expert_id, v.visit_date AS work_date
    FROM visit v WHERE v.expert_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.visit_id = v.id)
    UNION ALL
    SELECT 'event', x.event_id, x.expert_id, ev.event_date
    FROM event_expert x JOIN event ev ON ev.id = x.event_id
    WHERE ev.status <> 'cancelled'
      AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.event_id = x.event_id AND p.expert_id = x.expert_id);

CREATE TABLE unpaid_work (
    kind      TEXT NOT NULL CHECK (kind IN ('visit', 'event')),
    ref_id    INTEGER NOT NULL,
    expert_id INTEGER NOT NULL,
    work_date TEXT NOT NULL,
    PRIMARY KEY (kind, ref_id, expert_id)
) WITHOUT ROWID;

-- Newest first per kind, as the Work view pages it.
CREATE INDEX unpaid_work_by_date ON unpaid_work (kind, work_date DESC, expert_id);
-- A filter by expert reads that expert's rows.
CREATE INDEX unpaid_work_by_expert ON unpaid_work (expert_id, kind, work_date);

-- The payments list filtered by payee, business or event reads its order's keys from these indexes alone.
DROP INDEX payment_by_expert;
DROP INDEX payment_by_visit;
DROP INDEX payment_by_event;
CREATE INDEX payment_by_expert ON payment (expert_id, fiscal_year, status, proposed_on);
CREATE INDEX payment_by_visit ON payment (visit_id, expert_id, fiscal_year, status, proposed_on);
CREATE INDEX payment_by_event ON payment (event_id, visit_id, expert_id, fiscal_year, status, proposed_on);
