-- PostgreSQL twin of db/migration/V4__order_sizing.sql: the same tables, columns, keys and checks as SQLite's, with SQLite's
-- INTEGER as BIGINT, REAL as DOUBLE PRECISION, AUTOINCREMENT as an identity and every TEXT in the "C" collation
-- (byte order, as SQLite compares text). A change of the schema is made in both folders, under one version.
-- For an entry: what sized it, as a JSON object written with the order when it is committed PENDING (the bot's
-- cash and cap, the intended quantity, the consecutive-loss cooldown, the correlation sizer's value and factor,
-- and the exposure by symbol it saw), so a decision can be checked after the fact and across a restart.
ALTER TABLE orders ADD COLUMN sizing TEXT COLLATE "C";
