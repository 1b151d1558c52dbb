-- madoguchi schema, version 1: the core records of every tab.
-- Conventions: every table has an integer `id` (so the audit trail and undo treat all rows alike) and a
-- `row_version` bumped on each update (two consoles may edit at once); dates are ISO 'YYYY-MM-DD';
-- times are minutes after midnight; amounts are integer yen; enumerations are short ASCII codes.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One user action = one transaction = one row here; audit rows point at it.
CREATE TABLE action (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    staff  TEXT NOT NULL,
    label  TEXT NOT NULL,
    undoes INTEGER REFERENCES action(id),
    redoes INTEGER REFERENCES action(id)
);

-- The action in progress, set at the start of a user transaction and cleared before commit; the audit
-- triggers read it. A change made outside the console (direct SQL) is audited with no action.
CREATE TABLE audit_context (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    action_id INTEGER REFERENCES action(id),
    enabled   INTEGER NOT NULL DEFAULT 1
);
INSERT INTO audit_context (id, action_id, enabled) VALUES (1, NULL, 1);

CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id INTEGER REFERENCES action(id),
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    tbl       TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_by_record ON audit (tbl, record_id, seq);
CREATE INDEX audit_by_action ON audit (action_id, seq);

CREATE TABLE fiscal_year (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE,
    note        TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1
);

-- Reference: areas (editable grouping of municipalities) and the prefecture's municipalities.
CREATE TABLE area (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    reading     TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE municipality (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    reading     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('city', 'town', 'village')),
    district    TEXT NOT NULL DEFAULT '',
    area_id     INTEGER REFERENCES area(id),
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX municipality_by_area ON municipality (area_id);

-- Organisations: the federation, 商工会, 商工会議所 and other support bodies.
CREATE TABLE organisation (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('federation', 'shokokai', 'chamber_of_commerce', 'other')),
    name            TEXT NOT NULL,
    reading         TEXT NOT NULL DEFAULT '',
    municipality_id INTEGER REFERENCES municipality(id),
    postal_code     TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    retired_on      TEXT,
    merged_into_id  INTEGER REFERENCES organisation(id),
    source          TEXT NOT NULL DEFAULT 'desk' CHECK (source IN ('reference', 'demo', 'desk', 'import')),
    note            TEXT NOT NULL DEFAULT '',
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX organisation_by_kind ON organisation (kind, retired_on);
CREATE INDEX organisation_by_municipality ON organisation (municipality_id);
CREATE INDEX organisation_by_merged ON organisation (merged_into_id);

-- The municipalities an organisation covers.
CREATE TABLE organisation_municipality (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    municipality_id INTEGER NOT NULL REFERENCES municipality(id),
    row_version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (organisation_id, municipality_id)
);
CREATE INDEX organisation_municipality_by_municipality ON organisation_municipality (municipality_id);

-- Chamber staff who accompany visits (R-D3): guidance officers and support officers.
CREATE TABLE organisation_staff (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    name            TEXT NOT NULL,
    reading         TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('guidance_officer', 'support_officer')),
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    retired_on      TEXT,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX organisation_staff_by_organisation ON organisation_staff (organisation_id, role);

-- The desk's own staff: coordinators and support supporters.
CREATE TABLE desk_staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    reading     TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('coordinator', 'support_supporter', 'clerk')),
    retired_on  TEXT,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- Businesses (事業者): the beneficiaries.
CREATE TABLE business (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    reading          TEXT NOT NULL DEFAULT '',
    legal_form       TEXT CHECK (legal_form IN ('kk', 'yk', 'godo', 'gomei', 'goshi', 'sole',
                         'enterprise_association', 'cooperative', 'general_association',
                         'public_interest_association', 'general_foundation', 'public_interest_foundation',
                         'medical', 'social_welfare', 'npo', 'school', 'religious')),
    corporate_number TEXT CHECK (corporate_number IS NULL OR length(corporate_number) = 13),
    industry         TEXT CHECK (industry IN ('manufacturing', 'wholesale', 'retail', 'services')),
    capital_yen      INTEGER CHECK (capital_yen >= 0),
    employees        INTEGER CHECK (employees >= 0),
    municipality_id  INTEGER REFERENCES municipality(id),
    address          TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    phone_digits     TEXT NOT NULL DEFAULT '',
    representative   TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    chamber_id       INTEGER REFERENCES organisation(id),
    merged_into_id   INTEGER REFERENCES business(id),
    note             TEXT NOT NULL DEFAULT '',
    row_version      INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX business_by_chamber ON business (chamber_id);
CREATE INDEX business_by_municipality ON business (municipality_id);
CREATE INDEX business_by_phone ON business (phone_digits);
CREATE INDEX business_by_corporate_number ON business (corporate_number);
CREATE INDEX business_by_merged ON business (merged_into_id);

-- Experts (専門家) on the roster.
CREATE TABLE expert (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    reading         TEXT NOT NULL DEFAULT '',
    affiliation     TEXT NOT NULL DEFAULT '',
    qualifications  TEXT NOT NULL DEFAULT '',
    keywords        TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    phone_digits    TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    municipality_id INTEGER REFERENCES municipality(id),
    is_corporation  INTEGER NOT NULL DEFAULT 0 CHECK (is_corporation IN (0, 1)),
    retired_on      TEXT,
    note            TEXT NOT NULL DEFAULT '',
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX expert_by_municipality ON expert (municipality_id);
CREATE INDEX expert_by_phone ON expert (phone_digits);
CREATE INDEX expert_by_retired ON expert (retired_on);

-- The themes (①..⑧) an expert covers.
CREATE TABLE expert_theme (
    id          INTEGER PRIMARY KEY,
    expert_id   INTEGER NOT NULL REFERENCES expert(id),
    theme       INTEGER NOT NULL CHECK (theme BETWEEN 1 AND 99),
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (expert_id, theme)
);
CREATE INDEX expert_theme_by_theme ON expert_theme (theme, expert_id);

-- An expert's relations to businesses (R-D5 grounds 1 and 2).
CREATE TABLE expert_relation (
    id          INTEGER PRIMARY KEY,
    expert_id   INTEGER NOT NULL REFERENCES expert(id),
    business_id INTEGER NOT NULL REFERENCES business(id),
    kind        TEXT NOT NULL CHECK (kind IN ('belongs_to', 'advisory_contract')),
    from_date   TEXT,
    until_date  TEXT,
    note        TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX expert_relation_by_expert ON expert_relation (expert_id, business_id);
CREATE INDEX expert_relation_by_business ON expert_relation (business_id);

-- Dispatch applications (Form 1). number = era letter + era year + '-' + seq (R7-0001).
CREATE TABLE dispatch (
    id                    INTEGER PRIMARY KEY,
    fiscal_year           INTEGER NOT NULL,
    seq                   INTEGER NOT NULL CHECK (seq > 0),
    business_id           INTEGER NOT NULL REFERENCES business(id),
    chamber_id            INTEGER REFERENCES organisation(id),
    guidance_officer_id   INTEGER REFERENCES organisation_staff(id),
    received_on           TEXT NOT NULL,
    theme                 INTEGER NOT NULL,
    sections              TEXT NOT NULL DEFAULT '{}',
    recommended_expert_id INTEGER REFERENCES expert(id),
    expert_id             INTEGER REFERENCES expert(id),
    status                TEXT NOT NULL CHECK (status IN ('received', 'under_review', 'approved', 'rejected',
                              'visiting', 'report_received', 'feedback_sent', 'closed')),
    status_on             TEXT NOT NULL,
    reviewed_on           TEXT,
    decided_on            TEXT,
    report_received_on    TEXT,
    report_summary        TEXT NOT NULL DEFAULT '',
    feedback_sent_on      TEXT,
    closed_on             TEXT,
    rejection_note        TEXT NOT NULL DEFAULT '',
    note                  TEXT NOT NULL DEFAULT '',
    row_version           INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    UNIQUE (fiscal_year, seq)
);
CREATE INDEX dispatch_by_status ON dispatch (fiscal_year, status, seq);
CREATE INDEX dispatch_by_received ON dispatch (fiscal_year, received_on);
CREATE INDEX dispatch_by_business ON dispatch (business_id, fiscal_year, seq);
CREATE INDEX dispatch_by_chamber ON dispatch (chamber_id, fiscal_year);
CREATE INDEX dispatch_by_expert ON dispatch (expert_id, fiscal_year);
CREATE INDEX dispatch_by_recommended ON dispatch (recommended_expert_id);
CREATE INDEX dispatch_by_officer ON dispatch (guidance_officer_id);

-- R-D5: every ground that applies to a rejection.
CREATE TABLE rejection_ground (
    id          INTEGER PRIMARY KEY,
    dispatch_id INTEGER NOT NULL REFERENCES dispatch(id),
    ground      INTEGER NOT NULL CHECK (ground BETWEEN 1 AND 8),
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (dispatch_id, ground)
);
CREATE INDEX rejection_ground_by_ground ON rejection_ground (ground);

-- Visits (派遣) of a dispatch: R-D1 limits, R-D2 place, R-D3 accompaniment.
CREATE TABLE visit (
    id                         INTEGER PRIMARY KEY,
    dispatch_id                INTEGER NOT NULL REFERENCES dispatch(id),
    visit_date                 TEXT NOT NULL,
    start_min                  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min                    INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440 AND end_min > start_min),
    place                      TEXT NOT NULL CHECK (place IN ('desk', 'shokokai', 'chamber_of_commerce', 'premises',
                                   'online', 'other')),
    place_note                 TEXT NOT NULL DEFAULT '',
    expert_id                  INTEGER REFERENCES expert(id),
    accompanied_by             TEXT NOT NULL CHECK (accompanied_by IN ('assigned_officer', 'other_guidance_officer',
                                   'support_officer', 'coordinator', 'nobody')),
    accompanying_staff_id      INTEGER REFERENCES organisation_staff(id),
    accompanying_desk_staff_id INTEGER REFERENCES desk_staff(id),
    accompaniment_reason       TEXT NOT NULL DEFAULT '',
    note                       TEXT NOT NULL DEFAULT '',
    row_version                INTEGER NOT NULL DEFAULT 1,
    created_at                 TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at                 TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX visit_by_dispatch ON visit (dispatch_id, visit_date, start_min);
CREATE INDEX visit_by_date ON visit (visit_date);
CREATE INDEX visit_by_expert ON visit (expert_id, visit_date);
CREATE INDEX visit_by_staff ON visit (accompanying_staff_id);
CREATE INDEX visit_by_desk_staff ON visit (accompanying_desk_staff_id);

-- Overrides of "in principle" rules (原則): who, when, why, for which record.
CREATE TABLE override (
    id           INTEGER PRIMARY KEY,
    rule         TEXT NOT NULL,
    record_table TEXT NOT NULL,
    record_id    INTEGER NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    staff        TEXT NOT NULL,
    at           TEXT NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX override_by_record ON override (record_table, record_id, rule);

-- Desk consultations (窓口相談).
CREATE TABLE desk_consultation (
    id                  INTEGER PRIMARY KEY,
    fiscal_year         INTEGER NOT NULL,
    received_on         TEXT NOT NULL,
    received_min        INTEGER,
    channel             TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'mail', 'online')),
    caller_name         TEXT NOT NULL DEFAULT '',
    caller_phone        TEXT NOT NULL DEFAULT '',
    caller_phone_digits TEXT NOT NULL DEFAULT '',
    business_id         INTEGER REFERENCES business(id),
    chamber_id          INTEGER REFERENCES organisation(id),
    theme               INTEGER,
    content             TEXT NOT NULL DEFAULT '',
    handled_by_id       INTEGER REFERENCES desk_staff(id),
    outcome             TEXT NOT NULL CHECK (outcome IN ('open', 'on_the_spot', 'dispatch')),
    dispatch_id         INTEGER REFERENCES dispatch(id),
    note                TEXT NOT NULL DEFAULT '',
    row_version         INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX desk_consultation_by_date ON desk_consultation (fiscal_year, received_on);
CREATE INDEX desk_consultation_by_business ON desk_consultation (business_id);
CREATE INDEX desk_consultation_by_chamber ON desk_consultation (chamber_id);
CREATE INDEX desk_consultation_by_staff ON desk_consultation (handled_by_id);
CREATE INDEX desk_consultation_by_dispatch ON desk_consultation (dispatch_id);
CREATE INDEX desk_consultation_by_phone ON desk_consultation (caller_phone_digits);

-- A series of startup seminars (R-S10).
CREATE TABLE event_series (
    id          INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL,
    title       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX event_series_by_year ON event_series (fiscal_year);

-- Seminars (Form 2) and consultation days (Form 3): one form per event (R-S1).
CREATE TABLE event (
    id                 INTEGER PRIMARY KEY,
    fiscal_year        INTEGER NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('seminar', 'consultation_day')),
    organiser_id       INTEGER NOT NULL REFERENCES organisation(id),
    title              TEXT NOT NULL,
    theme              INTEGER NOT NULL,
    event_date         TEXT NOT NULL,
    start_min          INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min            INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 1440),
    venue_name         TEXT NOT NULL DEFAULT '',
    venue_kind         TEXT NOT NULL CHECK (venue_kind IN ('organisation_office', 'business_office',
                           'public_facility', 'rented_venue')),
    venue_fee_yen      INTEGER NOT NULL DEFAULT 0 CHECK (venue_fee_yen >= 0),
    municipality_id    INTEGER REFERENCES municipality(id),
    capacity           INTEGER CHECK (capacity >= 0),
    registrations      INTEGER NOT NULL DEFAULT 0 CHECK (registrations >= 0),
    attendance         INTEGER CHECK (attendance >= 0),
    attendance_fee_yen INTEGER NOT NULL DEFAULT 0,
    slot_minutes       INTEGER CHECK (slot_minutes > 0),
    series_id          INTEGER REFERENCES event_series(id),
    status             TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'announced', 'held', 'closed',
                           'cancelled')),
    cancel_reason      TEXT NOT NULL DEFAULT '',
    applied_on         TEXT,
    press_release_on   TEXT,
    web_page_on        TEXT,
    partner_notice_on  TEXT,
    note               TEXT NOT NULL DEFAULT '',
    row_version        INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX event_by_date ON event (event_date, start_min);
CREATE INDEX event_by_year ON event (fiscal_year, kind, status);
CREATE INDEX event_by_organiser ON event (organiser_id);
CREATE INDEX event_by_municipality ON event (municipality_id);
CREATE INDEX event_by_series ON event (series_id);

-- R-S10: the areas a session of a startup series covers.
CREATE TABLE event_startup_area (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES event(id),
    area        TEXT NOT NULL CHECK (area IN ('management', 'finance', 'human_resources', 'sales_channels')),
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, area)
);

-- Instructors (seminars) and experts (consultation days) of an event (R-S6).
CREATE TABLE event_expert (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES event(id),
    expert_id   INTEGER NOT NULL REFERENCES expert(id),
    role        TEXT NOT NULL CHECK (role IN ('instructor', 'expert')),
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, expert_id)
);
CREATE INDEX event_expert_by_expert ON event_expert (expert_id);

-- Seminar participants: businesses, or prospective founders recorded as individuals (R-S2).
CREATE TABLE participant (
    id                     INTEGER PRIMARY KEY,
    event_id               INTEGER NOT NULL REFERENCES event(id),
    business_id            INTEGER REFERENCES business(id),
    person_name            TEXT NOT NULL DEFAULT '',
    person_reading         TEXT NOT NULL DEFAULT '',
    is_prospective_founder INTEGER NOT NULL DEFAULT 0 CHECK (is_prospective_founder IN (0, 1)),
    municipality_id        INTEGER REFERENCES municipality(id),
    registered_on          TEXT,
    attended               INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    row_version            INTEGER NOT NULL DEFAULT 1,
    CHECK (business_id IS NOT NULL OR person_name <> '')
);
CREATE INDEX participant_by_event ON participant (event_id);
CREATE INDEX participant_by_business ON participant (business_id);
CREATE INDEX participant_by_municipality ON participant (municipality_id);

-- Consultation-day bookings: a business booked to an expert in a slot (R-S11 report and feedback).
CREATE TABLE booking (
    id                 INTEGER PRIMARY KEY,
    event_id           INTEGER NOT NULL REFERENCES event(id),
    expert_id          INTEGER NOT NULL REFERENCES expert(id),
    start_min          INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min            INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 1440),
    business_id        INTEGER REFERENCES business(id),
    report_received_on TEXT,
    report_summary     TEXT NOT NULL DEFAULT '',
    feedback_sent_on   TEXT,
    dispatch_id        INTEGER REFERENCES dispatch(id),
    note               TEXT NOT NULL DEFAULT '',
    row_version        INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX booking_by_event ON booking (event_id, start_min);
CREATE INDEX booking_by_expert ON booking (expert_id);
CREATE INDEX booking_by_business ON booking (business_id);
CREATE INDEX booking_by_dispatch ON booking (dispatch_id);

-- Form 4 claims (様式4 立替金精算書): venue fees advanced by the organising body (R-S8).
CREATE TABLE claim (
    id              INTEGER PRIMARY KEY,
    fiscal_year     INTEGER NOT NULL,
    event_id        INTEGER NOT NULL REFERENCES event(id),
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    amount_yen      INTEGER NOT NULL CHECK (amount_yen > 0),
    receipt_ref     TEXT NOT NULL DEFAULT '',
    claimed_on      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'checked', 'approved', 'paid', 'returned')),
    checked_on      TEXT,
    checked_by      TEXT NOT NULL DEFAULT '',
    approved_on     TEXT,
    approved_by     TEXT NOT NULL DEFAULT '',
    paid_on         TEXT,
    paid_by         TEXT NOT NULL DEFAULT '',
    return_reason   TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);
CREATE INDEX claim_by_status ON claim (fiscal_year, status, claimed_on);
CREATE INDEX claim_by_event ON claim (event_id);
CREATE INDEX claim_by_organisation ON claim (organisation_id);

-- Honoraria (謝金) and travel (旅費) paid by the federation to experts and instructors (R-S6).
CREATE TABLE payment (
    id                   INTEGER PRIMARY KEY,
    fiscal_year          INTEGER NOT NULL,
    expert_id            INTEGER NOT NULL REFERENCES expert(id),
    visit_id             INTEGER REFERENCES visit(id),
    event_id             INTEGER REFERENCES event(id),
    honorarium_yen       INTEGER NOT NULL DEFAULT 0 CHECK (honorarium_yen >= 0),
    travel_yen           INTEGER NOT NULL DEFAULT 0 CHECK (travel_yen >= 0),
    withholding_yen      INTEGER NOT NULL DEFAULT 0 CHECK (withholding_yen >= 0),
    net_yen              INTEGER NOT NULL,
    payee_is_corporation INTEGER NOT NULL DEFAULT 0 CHECK (payee_is_corporation IN (0, 1)),
    status               TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'paid')),
    proposed_on          TEXT NOT NULL,
    approved_on          TEXT,
    paid_on              TEXT,
    note                 TEXT NOT NULL DEFAULT '',
    row_version          INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    CHECK (visit_id IS NOT NULL OR event_id IS NOT NULL)
);
CREATE INDEX payment_by_status ON payment (fiscal_year, status, proposed_on);
CREATE INDEX payment_by_expert ON payment (expert_id, fiscal_year);
CREATE INDEX payment_by_visit ON payment (visit_id);
CREATE INDEX payment_by_event ON payment (event_id);
