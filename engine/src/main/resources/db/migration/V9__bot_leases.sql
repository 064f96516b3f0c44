-- Bot leases for engine nodes sharing one fleet (decision 0029): which node runs a bot, until when, and the fencing
-- number of that holding. The fence grows with every hand-over and every write of a bot checks it in its transaction.
CREATE TABLE bot_leases (
    bot_id     TEXT PRIMARY KEY NOT NULL REFERENCES bots (id),
    node       TEXT,                        -- the node that holds it; null while free
    fence      INTEGER NOT NULL DEFAULT 0,  -- the fencing number of the current holding
    expires_at INTEGER NOT NULL DEFAULT 0   -- database time, epoch ms, at which the holding lapses
);
CREATE INDEX bot_leases_by_node ON bot_leases (node);
