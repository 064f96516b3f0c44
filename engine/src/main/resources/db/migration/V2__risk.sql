-- Risk hierarchy: the trading state, day figures and latches of each bot and of the fleet, the limits,
-- and what a risk event records. Counts of trades per day and of losses in a row are not kept twice:
-- they are read from the orders and positions that already hold them.

CREATE TABLE risk_state (
    scope              TEXT PRIMARY KEY NOT NULL,  -- a bot id, or '*' for the fleet
    state              TEXT NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason             TEXT,                       -- why it is not ACTIVE
    day                INTEGER NOT NULL,           -- UTC day (days since 1970-01-01) the day figures belong to
    day_open_equity    TEXT NOT NULL,              -- equity at the first moment of that day
    daily_loss_latched INTEGER NOT NULL DEFAULT 0, -- lifts at the next 00:00 UTC
    drawdown_latched   INTEGER NOT NULL DEFAULT 0, -- until an operator resets it
    peak_equity        TEXT                        -- the fleet's aggregate peak; a bot's is bot_state.peak_equity
);

-- Limits that differ from the defaults; scope '*' holds the portfolio limits and brakes.
CREATE TABLE risk_limits (
    scope TEXT NOT NULL,
    name  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, name)
) WITHOUT ROWID;

-- A risk event is a rejection, a breaker that fired, or a change of trading state.
ALTER TABLE risk_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'REJECTED'
    CHECK (kind IN ('REJECTED', 'BREAKER', 'STATE'));
ALTER TABLE risk_events ADD COLUMN intent TEXT;   -- the order refused, e.g. "BUY 0.05 SOL/USDT @ 143.2 (ENTRY)"
ALTER TABLE risk_events ADD COLUMN numbers TEXT;  -- JSON object of the numbers that decided it
CREATE INDEX risk_events_by_kind_code ON risk_events (kind, code);
