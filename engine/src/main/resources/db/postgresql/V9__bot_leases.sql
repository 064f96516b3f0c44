-- PostgreSQL twin of db/migration/V10__bot_leases.sql: the same tables, columns, keys and checks as SQLite's, with SQLite's
-- INTEGER as BIGINT, REAL as DOUBLE PRECISION, AUTOINCREMENT as an identity and every TEXT in the "C" collation
-- (byte order, as SQLite compares text). A change of the schema is made in both folders, under one version.
-- Bot leases for engine nodes sharing one fleet (decision 0029): which node runs a bot, until when, and the fencing
-- number of that holding. The fence grows with every hand-over and every write of a bot checks it in its transaction.
CREATE TABLE bot_leases (
    bot_id     TEXT COLLATE "C" PRIMARY KEY NOT NULL REFERENCES bots (id),
    node       TEXT COLLATE "C",                        -- the node that holds it; null while free
    fence      BIGINT NOT NULL DEFAULT 0,  -- the fencing number of the current holding
    expires_at BIGINT NOT NULL DEFAULT 0   -- database time, epoch ms, at which the holding lapses
);
CREATE INDEX bot_leases_by_node ON bot_leases (node);
