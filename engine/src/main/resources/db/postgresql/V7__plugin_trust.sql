-- PostgreSQL twin of db/migration/V7__plugin_trust.sql: the same tables, columns, keys and checks as SQLite's, with SQLite's
-- INTEGER as BIGINT, REAL as DOUBLE PRECISION, AUTOINCREMENT as an identity and every TEXT in the "C" collation
-- (byte order, as SQLite compares text). A change of the schema is made in both folders, under one version.
-- Plug-in jars the operator approved, by the SHA-256 of their bytes: a jar is loaded only once its exact bytes are
-- here (or beside it as NAME.jar.sha256 on a headless machine). A new version of a jar is a new row.
CREATE TABLE plugin_trust (
    sha256      TEXT COLLATE "C" PRIMARY KEY,
    file_name   TEXT COLLATE "C" NOT NULL,         -- the jar's name when it was approved
    approved_at BIGINT NOT NULL       -- wall time, epoch ms
);
