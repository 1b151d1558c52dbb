-- The roster's lists page in reading order: these indexes let a page be read in order without sorting the whole
-- table (a demo at --scale 100 holds 150,000 businesses).
CREATE INDEX business_by_reading ON business (reading, id);
CREATE INDEX expert_by_reading ON expert (reading, id);
CREATE INDEX organisation_by_reading ON organisation (reading, id);
