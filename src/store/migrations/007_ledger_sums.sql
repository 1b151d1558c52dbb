-- The ledger's totals kept up to date as claims and payments change (tab 4's totals and the year against its
-- budget read a few rows instead of aggregating a year of payments: 93,000 of them at demo --scale 100).
-- Triggers in store::ledger::sums keep it in step; it is derived data: never audited, never undone by itself.

-- Every amount counted: a claim (not returned), a payment's honorarium and its travel (when not zero), in the
-- month it was paid, or while unpaid in the month it was claimed or proposed. Decided (issue 9): one marked paid
-- without a payment date (imported) counts in the month of its last recorded step. The ledger's totals and the
-- annual report both read this view, so they always agree.
CREATE VIEW ledger_entry AS
    SELECT 'claim' AS src, c.id AS src_id, c.fiscal_year AS fiscal_year, 'claim' AS kind,
           substr(CASE WHEN c.status = 'paid'
                  THEN COALESCE(c.paid_on, c.approved_on, c.checked_on, c.claimed_on) ELSE c.claimed_on END,
                  1, 7) AS month, c.organisation_id AS org_id,
           NULL AS expert_id, c.amount_yen AS amount, 0 AS withheld, c.status = 'paid' AS paid
    FROM claim c WHERE c.status <> 'returned'
    UNION ALL
    SELECT 'payment', p.id, p.fiscal_year, 'honorarium', substr(CASE WHEN p.status = 'paid'
                                                          THEN COALESCE(p.paid_on, p.approved_on, p.proposed_on)
                                                          ELSE p.proposed_on END, 1, 7),
           COALESCE(ev.organiser_id, d.chamber_id), p.expert_id, p.honorarium_yen, p.withholding_yen,
           p.status = 'paid'
    FROM payment p LEFT JOIN event ev ON ev.id = p.event_id LEFT JOIN visit v ON v.id = p.visit_id
    LEFT JOIN dispatch d ON d.id = v.dispatch_id
    WHERE p.honorarium_yen > 0
    UNION ALL
    SELECT 'payment', p.id, p.fiscal_year, 'travel', substr(CASE WHEN p.status = 'paid'
                                                          THEN COALESCE(p.paid_on, p.approved_on, p.proposed_on)
                                                          ELSE p.proposed_on END, 1, 7),
           COALESCE(ev.organiser_id, d.chamber_id), p.expert_id, p.travel_yen, 0, p.status = 'paid'
    FROM payment p LEFT JOIN event ev ON ev.id = p.event_id LEFT JOIN visit v ON v.id = p.visit_id
    LEFT JOIN dispatch d ON d.id = v.dispatch_id
    WHERE p.travel_yen > 0;

-- Each entry under each grouping: month ("2025-11"), organisation (id; '' for the desk's own dispatches),
-- expert (id; payments only) and kind (claim, honorarium, travel).
CREATE VIEW ledger_entry_key AS
    SELECT src, src_id, fiscal_year, 'month' AS dim, month AS key, amount, withheld, paid FROM ledger_entry
    UNION ALL
    SELECT src, src_id, fiscal_year, 'org', COALESCE(CAST(org_id AS TEXT), ''), amount, withheld, paid
    FROM ledger_entry
    UNION ALL
    SELECT src, src_id, fiscal_year, 'expert', CAST(expert_id AS TEXT), amount, withheld, paid FROM ledger_entry
    WHERE expert_id IS NOT NULL
    UNION ALL
    SELECT src, src_id, fiscal_year, 'kind', kind, amount, withheld, paid FROM ledger_entry;

CREATE TABLE ledger_sum (
    fiscal_year  INTEGER NOT NULL,
    dim          TEXT NOT NULL CHECK (dim IN ('month', 'org', 'expert', 'kind')),
    key          TEXT NOT NULL,
    count        INTEGER NOT NULL,
    amount_yen   INTEGER NOT NULL,
    paid_yen     INTEGER NOT NULL,
    withheld_yen INTEGER NOT NULL,
    PRIMARY KEY (fiscal_year, dim, key)
) WITHOUT ROWID;

-- Organisations and experts are listed largest first.
CREATE INDEX ledger_sum_by_amount ON ledger_sum (fiscal_year, dim, amount_yen DESC, key);
