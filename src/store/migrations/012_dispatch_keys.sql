-- The ledger's filters by business (issue 11): a text naming 1,800 applications at demo --scale 100 found their
-- payments and unpaid visits through each application's visits, then a payment per visit (6,000 lookups, 8-10 ms
-- a keystroke). Unpaid work now carries the visit's application, and a table holds the payments of each
-- application's visits with their list order's keys. Derived data, kept in step by triggers made in
-- store::ledger::unpaid and store::ledger::dispatch_payments: never audited, never undone by itself.

-- The old triggers name the old view: they are made again from the new one after this script.
DROP TRIGGER IF EXISTS unpaid_work_visit_update;
DROP TRIGGER IF EXISTS unpaid_work_visit_insert;
DROP TRIGGER IF EXISTS unpaid_work_visit_delete;
DROP TRIGGER IF EXISTS unpaid_work_payment_update;
DROP TRIGGER IF EXISTS unpaid_work_payment_insert;
DROP TRIGGER IF EXISTS unpaid_work_payment_delete;
DROP TRIGGER IF EXISTS unpaid_work_event_expert_update;
DROP TRIGGER IF EXISTS unpaid_work_event_expert_insert;
DROP TRIGGER IF EXISTS unpaid_work_event_expert_delete;
DROP TRIGGER IF EXISTS unpaid_work_event_update;

DROP VIEW unpaid_work_entry;
CREATE VIEW unpaid_work_entry AS
    SELECT 'visit' AS kind, v.id AS ref_id, v.expert_id AS expert_id, v.visit_date AS work_date,
           v.dispatch_id AS dispatch_id
    FROM visit v WHERE v.expert_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.visit_id = v.id)
    UNION ALL
    SELECT 'event', x.event_id, x.expert_id, ev.event_date, NULL
    FROM event_expert x JOIN event ev ON ev.id = x.event_id
    WHERE ev.status <> 'cancelled'
      AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.event_id = x.event_id AND p.expert_id = x.expert_id);

-- The application of a visit (NULL for an event part).
ALTER TABLE unpaid_work ADD COLUMN dispatch_id INTEGER;
-- A filter by business reads the unpaid visits of each matching application.
CREATE INDEX unpaid_work_by_dispatch ON unpaid_work (dispatch_id, expert_id, work_date) WHERE dispatch_id IS NOT NULL;

-- A payment for a visit, under the visit's application.
CREATE VIEW dispatch_payment_entry AS
    SELECT v.dispatch_id AS dispatch_id, p.id AS payment_id, p.expert_id AS expert_id, p.fiscal_year AS fiscal_year,
           p.status AS status, p.proposed_on AS proposed_on
    FROM payment p JOIN visit v ON v.id = p.visit_id;

CREATE TABLE dispatch_payment (
    dispatch_id INTEGER NOT NULL,
    payment_id  INTEGER NOT NULL,
    expert_id   INTEGER NOT NULL,
    fiscal_year INTEGER NOT NULL,
    status      TEXT NOT NULL,
    proposed_on TEXT NOT NULL,
    PRIMARY KEY (dispatch_id, payment_id)
) WITHOUT ROWID;
-- The triggers refresh a payment's row by its id.
CREATE INDEX dispatch_payment_by_payment ON dispatch_payment (payment_id);
