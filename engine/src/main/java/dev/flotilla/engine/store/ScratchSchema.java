package dev.flotilla.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteDataSource;

/**
 * The current schema for scratch stores in memory: Flyway migrates one file once per process, and every scratch
 * database is then restored from it (SQLite's backup API copies its pages), schema history included, so it holds
 * exactly what a migration of its own would have made. A sweep opens a store per run; migrating each one cost a
 * backtest of one bot over a year about a twentieth of its time.
 */
final class ScratchSchema {

    private static Path template;

    private ScratchSchema() {
    }

    /** Fills the empty database of {@code writer} (nothing else may be open on it yet) with the migrated schema. */
    static void restore(Connection writer) throws SQLException {
        try (var st = writer.createStatement()) {
            st.executeUpdate("restore from '" + template() + "'");
        }
    }

    private static synchronized Path template() {
        if (template != null) return template;
        try {
            Path dir = Files.createTempDirectory("flotilla-schema");
            Path file = dir.resolve("schema.db");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteFile.migrate(ds, file);
            template = file;
            return file;
        } catch (IOException e) {
            throw new StoreException("cannot make the schema of a scratch store: " + e.getMessage(), e);
        }
    }
}
