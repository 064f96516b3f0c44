-- Corrections an operator accepted when the ledger and the broker disagreed at start: the ledger is set to the
-- broker's view, and the difference is kept here so the ledger still adds up from its fills and adjustments.
CREATE TABLE ledger_adjustments (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    made_at INTEGER NOT NULL,
    bot_id  TEXT NOT NULL REFERENCES bots (id),
    asset   TEXT NOT NULL,
    delta   TEXT NOT NULL,
    reason  TEXT NOT NULL
);
