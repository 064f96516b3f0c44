-- Every change of a running bot's strategy definition (its parameters, strategy, symbol, timeframe, capital) or of
-- its risk limits, with what the changed names held before and after. Written in the transaction of the change itself.
CREATE TABLE param_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    bot_id     TEXT NOT NULL REFERENCES bots (id),
    changed_at INTEGER NOT NULL,                                     -- engine time, epoch ms
    kind       TEXT NOT NULL CHECK (kind IN ('STRATEGY', 'LIMITS')),
    old_values TEXT NOT NULL,                                        -- JSON object of the changed names' values before
    new_values TEXT NOT NULL,                                        -- JSON object of the same names' values after
    source     TEXT NOT NULL                                         -- console, undo, fleet file ...
);
CREATE INDEX param_changes_by_bot ON param_changes (bot_id, id);
