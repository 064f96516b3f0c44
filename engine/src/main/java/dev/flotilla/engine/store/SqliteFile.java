package dev.flotilla.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite side of opening a store: a data folder's file with the pragmas the engine relies on, checked read-only
 * before anything touches it, migrated by the SQLite scripts ({@code db/migration}), set aside when damaged.
 */
final class SqliteFile {

    /** The SQLite migrations; they stay as they are so that existing files keep validating. */
    static final String MIGRATIONS = "classpath:db/migration";

    private SqliteFile() {
    }

    static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Opens a data folder's file, creating and migrating it as needed: the writer and the reader connection. */
    static Connection[] open(Path dataDir) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        if (Files.exists(file)) checkIsDatabase(file);
        SQLiteDataSource ds = dataSource(file);
        migrate(ds, file);
        try {
            // autocommit on: the writer opens each write transaction itself with BEGIN IMMEDIATE, so it never sits in an
            // open transaction between writes (which would keep WAL checkpoints from finishing)
            return new Connection[] {ds.getConnection(), dataSource(file).getConnection()};
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves a damaged data file (and its WAL and shared-memory files) aside, unchanged, under a name with the time. */
    static Path setAside(Path dataDir, java.time.Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        Path file = dataDir.resolve(Database.FILE_NAME);
        Path kept = dataDir.resolve(Database.FILE_NAME + ".damaged-" + stamp);
        try {
            Files.move(file, kept);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = dataDir.resolve(Database.FILE_NAME + suffix);
                if (Files.exists(side)) Files.move(side, dataDir.resolve(Database.FILE_NAME + ".damaged-" + stamp + suffix));
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot move the damaged data file " + file + " aside: " + e.getMessage(), e);
        }
        return kept;
    }

    /** One setting read without opening the file for writing or migrating it; empty when there is no file or no value. */
    static Optional<String> peekSetting(Path dataDir, String key) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var st = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            st.setString(1, key);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();  // no settings yet, or a damaged file that open() will report
        }
    }

    /** Looks at an existing file read-only: even switching a foreign file to WAL would change it. */
    private static void checkIsDatabase(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(result)) throw new StoreException(damaged(file, "integrity check failed: " + result));
            }
            boolean hasTables;
            boolean ours;
            try (var rs = st.executeQuery("SELECT count(*), sum(name = 'flyway_schema_history') FROM sqlite_master WHERE type = 'table'")) {
                rs.next();
                hasTables = rs.getInt(1) > 0;
                ours = rs.getInt(2) > 0;
            }
            if (hasTables && !ours) throw new StoreException(damaged(file, "it holds tables of another program"));
        } catch (SQLException e) {
            throw new StoreException(damaged(file, e.getMessage()), e);
        }
    }

    static void migrate(SQLiteDataSource ds, Path file) {
        try {
            Flyway.configure().dataSource(ds).locations(MIGRATIONS).loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new StoreException(damaged(file, e.getMessage().lines().findFirst().orElse("migration failed")), e);
        }
    }

    private static String damaged(Path file, String why) {
        return "the data file " + file.toAbsolutePath() + " is damaged or is not a Flotilla database (" + why
                + "); it was left as it is. Move it away or start with another --data-dir.";
    }

    /** What a scratch database in memory is called where a file's path would be. */
    static java.nio.file.Path memoryLabel(String name) {
        return java.nio.file.Path.of("memory-" + name);
    }

    /**
     * The writer and reader of a shared in-memory database, with the schema (see {@link Database#inMemory}): the writer is
     * opened first and held, since such a database lives while a connection to it is open; the reader sees the
     * writer's open transaction (read_uncommitted).
     */
    static java.sql.Connection[] openInMemory(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("not a database name: " + name);
        String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setSharedCache(true);
            org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(config);
            ds.setUrl(url);
            java.sql.Connection writer = ds.getConnection();
            ScratchSchema.restore(writer);
            org.sqlite.SQLiteConfig readConfig = new org.sqlite.SQLiteConfig();
            readConfig.setSharedCache(true);
            readConfig.setReadUncommitted(true);
            org.sqlite.SQLiteDataSource readDs = new org.sqlite.SQLiteDataSource(readConfig);
            readDs.setUrl(url);
            return new java.sql.Connection[] {writer, readDs.getConnection()};
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot open an in-memory database: " + e.getMessage(), e);
        }
    }
}
