-- Long lists page in their display order from an index, without sorting or reading the table first
-- (a demo at --scale 100 holds 93,000 payments and 150,000 businesses in a year).

-- The payments list: unpaid first, newest proposal first.
CREATE INDEX payment_list ON payment (fiscal_year, status = 'paid', proposed_on DESC, id DESC);

-- The claims list: unpaid first, returned ones last of those, newest claim first.
CREATE INDEX claim_list ON claim (fiscal_year, status = 'paid', status = 'returned', claimed_on DESC, id DESC);

-- The businesses list in reading order, merged ones left out: the index alone answers a deep page.
CREATE INDEX business_current ON business (reading, id) WHERE merged_into_id IS NULL;
