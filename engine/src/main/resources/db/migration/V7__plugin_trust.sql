-- Plug-in jars the operator approved, by the SHA-256 of their bytes: a jar is loaded only once its exact bytes are
-- here (or beside it as NAME.jar.sha256 on a headless machine). A new version of a jar is a new row.
CREATE TABLE plugin_trust (
    sha256      TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,         -- the jar's name when it was approved
    approved_at INTEGER NOT NULL       -- wall time, epoch ms
);
