-- PostgreSQL twin of db/migration/V2__risk.sql: the same tables, columns, keys and checks as SQLite's, with SQLite's
-- INTEGER as BIGINT, REAL as DOUBLE PRECISION, AUTOINCREMENT as an identity and every TEXT in the "C" collation
-- (byte order, as SQLite compares text). A change of the schema is made in both folders, under one version.
-- Risk hierarchy: the trading state, day figures and latches of each bot and of the fleet, the limits,
-- and what a risk event records. Counts of trades per day and of losses in a row are not kept twice:
-- they are read from the orders and positions that already hold them.

CREATE TABLE risk_state (
    scope              TEXT COLLATE "C" PRIMARY KEY NOT NULL,  -- a bot id, or '*' for the fleet
    state              TEXT COLLATE "C" NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason             TEXT COLLATE "C",                       -- why it is not ACTIVE
    day                BIGINT NOT NULL,           -- UTC day (days since 1970-01-01) the day figures belong to
    day_open_equity    TEXT COLLATE "C" NOT NULL,              -- equity at the first moment of that day
    daily_loss_latched BIGINT NOT NULL DEFAULT 0, -- lifts at the next 00:00 UTC
    drawdown_latched   BIGINT NOT NULL DEFAULT 0, -- until an operator resets it
    peak_equity        TEXT COLLATE "C"                        -- the fleet's aggregate peak; a bot's is bot_state.peak_equity
);

-- Limits that differ from the defaults; scope '*' holds the portfolio limits and brakes.
CREATE TABLE risk_limits (
    scope TEXT COLLATE "C" NOT NULL,
    name  TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (scope, name)
);

-- A risk event is a rejection, a breaker that fired, or a change of trading state.
ALTER TABLE risk_events ADD COLUMN kind TEXT COLLATE "C" NOT NULL DEFAULT 'REJECTED'
    CHECK (kind IN ('REJECTED', 'BREAKER', 'STATE'));
ALTER TABLE risk_events ADD COLUMN intent TEXT COLLATE "C";   -- the order refused, e.g. "BUY 0.05 SOL/USDT @ 143.2 (ENTRY)"
ALTER TABLE risk_events ADD COLUMN numbers TEXT COLLATE "C";  -- JSON object of the numbers that decided it
CREATE INDEX risk_events_by_kind_code ON risk_events (kind, code);
