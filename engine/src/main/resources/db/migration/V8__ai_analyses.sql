-- The AI level: every entry the risk gateway approved that was put to the local model (or would have been, had
-- it answered), with what was asked (by digest), what came back and what was done with it.
CREATE TABLE ai_analyses (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            INTEGER NOT NULL,          -- engine time of the candle close, epoch ms
    bot_id        TEXT NOT NULL,
    symbol        TEXT NOT NULL,
    qty           TEXT NOT NULL,             -- the quantity the risk gateway approved
    price         TEXT NOT NULL,             -- the entry's reference price
    model         TEXT NOT NULL,
    prompt_sha256 TEXT NOT NULL,
    answer        TEXT,                      -- the model's answer as it came, or null
    decision      TEXT NOT NULL CHECK (decision IN ('APPROVE', 'SHRINK', 'VETO')),  -- what was done
    factor        TEXT NOT NULL,             -- the share of qty kept: 1 unless shrunk, 0 for a veto
    reason        TEXT,
    latency_ms    INTEGER NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('ANSWERED', 'TIMEOUT', 'BAD_ANSWER', 'UNAVAILABLE'))
);
CREATE INDEX ai_analyses_by_bot ON ai_analyses (bot_id, at);
