-- The last application number given in each fiscal year. Not a record (not audited, never undone), so a number
-- handed out once is never given to another application, even after the first was undone.
CREATE TABLE dispatch_counter (
    fiscal_year INTEGER PRIMARY KEY,
    last_seq    INTEGER NOT NULL
);
INSERT INTO dispatch_counter (fiscal_year, last_seq) SELECT fiscal_year, MAX(seq) FROM dispatch GROUP BY fiscal_year;
