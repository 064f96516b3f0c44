-- Flotilla store, foundation schema. Money and quantities are TEXT holding exact decimals;
-- times are epoch milliseconds of the engine clock; candle prices are REAL (they feed indicator math).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE bots (
    id         TEXT PRIMARY KEY NOT NULL,
    strategy   TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    timeframe  TEXT NOT NULL CHECK (timeframe IN ('15m', '1h', '4h')),
    params     TEXT NOT NULL,            -- JSON object of numbers
    capital    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE bot_state (
    bot_id        TEXT PRIMARY KEY NOT NULL REFERENCES bots (id),
    status        TEXT NOT NULL CHECK (status IN ('RUNNING', 'STOPPED', 'ERROR')),
    last_close    INTEGER,               -- candle close time of the last completed tick
    last_tick_at  INTEGER,               -- engine time the last tick completed
    last_error    TEXT,
    order_seq     INTEGER NOT NULL DEFAULT 0,
    peak_equity   TEXT NOT NULL
);

-- The engine's ledger per bot: paper cash in the quote currency, realized PnL and fees paid.
CREATE TABLE accounts (
    bot_id       TEXT PRIMARY KEY NOT NULL REFERENCES bots (id),
    cash         TEXT NOT NULL,
    realized_pnl TEXT NOT NULL,
    fees         TEXT NOT NULL
);

CREATE TABLE positions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    bot_id        TEXT NOT NULL REFERENCES bots (id),
    symbol        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    qty           TEXT NOT NULL,
    entry_price   TEXT NOT NULL,
    entry_fee     TEXT NOT NULL,
    stop_price    TEXT NOT NULL,
    highest_price TEXT NOT NULL,
    opened_at     INTEGER NOT NULL,
    entry_order   TEXT NOT NULL,
    exit_price    TEXT,
    exit_fee      TEXT,
    exit_reason   TEXT,
    realized_pnl  TEXT,
    closed_at     INTEGER,
    exit_order    TEXT
);
-- a spot, long-only bot holds at most one open position
CREATE UNIQUE INDEX positions_one_open_per_bot ON positions (bot_id) WHERE status = 'OPEN';

CREATE TABLE orders (
    client_order_id TEXT PRIMARY KEY NOT NULL,
    bot_id          TEXT NOT NULL REFERENCES bots (id),
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    qty             TEXT NOT NULL,
    ref_price       TEXT NOT NULL,
    stop_price      TEXT,                -- for an entry: the stop its position gets
    purpose         TEXT NOT NULL,       -- ENTRY, EXIT, STOP_LOSS, ...
    status          TEXT NOT NULL CHECK (status IN ('PENDING', 'FILLED', 'REJECTED', 'CANCELED')),
    tick_close      INTEGER,             -- the candle close whose tick made it (null from the price loop)
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    reason          TEXT
);
CREATE INDEX orders_by_bot ON orders (bot_id, created_at);
CREATE INDEX orders_pending ON orders (status) WHERE status = 'PENDING';

-- Trades: one row per fill, never two for one order.
CREATE TABLE fills (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT NOT NULL UNIQUE REFERENCES orders (client_order_id),
    bot_id          TEXT NOT NULL REFERENCES bots (id),
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    qty             TEXT NOT NULL,
    price           TEXT NOT NULL,
    fee             TEXT NOT NULL,
    filled_at       INTEGER NOT NULL
);
CREATE INDEX fills_by_bot ON fills (bot_id, filled_at);

CREATE TABLE candles (
    symbol    TEXT NOT NULL,
    timeframe TEXT NOT NULL,
    open_time INTEGER NOT NULL,
    open      REAL NOT NULL,
    high      REAL NOT NULL,
    low       REAL NOT NULL,
    close     REAL NOT NULL,
    volume    REAL NOT NULL,
    PRIMARY KEY (symbol, timeframe, open_time)
) WITHOUT ROWID;

CREATE TABLE equity_snapshots (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at   INTEGER NOT NULL,
    bot_id     TEXT NOT NULL,            -- '*': the whole fleet
    equity     TEXT NOT NULL,
    cash       TEXT NOT NULL,
    unrealized TEXT NOT NULL
);
CREATE UNIQUE INDEX equity_by_bot_time ON equity_snapshots (bot_id, taken_at);

-- The paper broker's own books: what the simulated exchange accepted and filled, and its balances.
-- They are the "broker side" the ledger is reconciled against.
CREATE TABLE paper_orders (
    client_order_id TEXT PRIMARY KEY NOT NULL,
    bot_id          TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL,
    qty             TEXT NOT NULL,
    price           TEXT NOT NULL,
    fee             TEXT NOT NULL,
    filled_at       INTEGER NOT NULL
);

CREATE TABLE paper_balances (
    bot_id TEXT NOT NULL,
    asset  TEXT NOT NULL,
    amount TEXT NOT NULL,
    PRIMARY KEY (bot_id, asset)
) WITHOUT ROWID;

CREATE TABLE risk_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at INTEGER NOT NULL,
    bot_id      TEXT,
    code        TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX risk_events_by_time ON risk_events (occurred_at);
