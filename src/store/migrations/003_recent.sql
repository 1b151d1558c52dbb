-- Records opened from the lookup, newest first when nothing is typed. Not a record of the desk: not audited.
CREATE TABLE recent (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime')),
    UNIQUE (kind, record_id)
);
CREATE INDEX recent_by_time ON recent (opened_at);
