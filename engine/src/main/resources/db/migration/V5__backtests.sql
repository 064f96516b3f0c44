-- Backtests and sweeps: each run as asked, its figures per bot and for the fleet, its trades and its equity. They sit
-- apart from the live books and refer to none of them: a run may hold bots the fleet no longer has or never had.
-- Figures that do not exist for a run (no losing trade, so no profit factor) are NULL.
CREATE TABLE backtest_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at   INTEGER NOT NULL,       -- wall time the run was stored
    market       TEXT NOT NULL,          -- what it ran on: 'sandbox seed 7', 'history'
    period_from  INTEGER NOT NULL,
    period_to    INTEGER NOT NULL,
    fee_bps      TEXT NOT NULL,
    slippage_bps TEXT NOT NULL,
    fills        INTEGER NOT NULL,
    fills_digest TEXT NOT NULL,          -- SHA-256 of every fill: equal for two runs that traded alike
    wall_ms      INTEGER NOT NULL,
    label        TEXT                    -- e.g. the sweep a run belongs to
);

CREATE TABLE backtest_results (
    run_id          INTEGER NOT NULL REFERENCES backtest_runs (id) ON DELETE CASCADE,
    bot_id          TEXT NOT NULL,       -- '*': the whole fleet
    seq             INTEGER NOT NULL,    -- the order of the report: the bots as they ran, then the fleet
    strategy        TEXT NOT NULL,
    symbol          TEXT NOT NULL,
    timeframe       TEXT NOT NULL,
    params          TEXT NOT NULL,       -- JSON object of numbers, as the bot ran
    capital         REAL NOT NULL,
    final_equity    REAL NOT NULL,
    total_return    REAL,
    cagr            REAL,
    max_drawdown    REAL,
    max_drawdown_ms INTEGER NOT NULL,
    sharpe          REAL,
    sortino         REAL,
    calmar          REAL,
    win_rate        REAL,
    profit_factor   REAL,
    trades          INTEGER NOT NULL,
    avg_holding_ms  INTEGER NOT NULL,
    time_in_market  REAL,
    fees            REAL NOT NULL,
    buy_and_hold    REAL,
    PRIMARY KEY (run_id, bot_id)
) WITHOUT ROWID;

CREATE TABLE backtest_trades (
    run_id      INTEGER NOT NULL REFERENCES backtest_runs (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    bot_id      TEXT NOT NULL,
    symbol      TEXT NOT NULL,
    qty         TEXT NOT NULL,
    entry_price TEXT NOT NULL,
    exit_price  TEXT NOT NULL,
    net_pnl     TEXT NOT NULL,
    fees        TEXT NOT NULL,
    opened_at   INTEGER NOT NULL,
    closed_at   INTEGER NOT NULL,
    exit_reason TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE TABLE backtest_equity (
    run_id   INTEGER NOT NULL REFERENCES backtest_runs (id) ON DELETE CASCADE,
    bot_id   TEXT NOT NULL,              -- '*': the whole fleet
    taken_at INTEGER NOT NULL,
    equity   REAL NOT NULL,
    PRIMARY KEY (run_id, bot_id, taken_at)
) WITHOUT ROWID;
