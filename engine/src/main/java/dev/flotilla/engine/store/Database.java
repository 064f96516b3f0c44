package dev.flotilla.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file: opened with the pragmas the engine relies on, migrated by Flyway, with one writer
 * connection (BEGIN IMMEDIATE transactions) and one reader connection. A file that is not a Flotilla
 * database is reported and never touched.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "flotilla.db";
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final DSLContext writeCtx;
    private final DSLContext readCtx;
    private final PreparedWrites prepared;
    private final boolean inMemory;

    private Database(Path file, Connection writer, Connection reader, boolean inMemory) {
        this.file = file;
        this.inMemory = inMemory;
        this.writer = writer;
        this.reader = reader;
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.writeCtx = DSL.using(writer, SQLDialect.SQLITE, settings);
        this.readCtx = DSL.using(reader, SQLDialect.SQLITE, settings);
        this.prepared = new PreparedWrites(writer, writeCtx);
    }

    /** Opens (creating if absent) the database in {@code dataDir} and migrates it to the current schema. */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        boolean existed = Files.exists(file);
        if (existed) checkIsDatabase(file);
        SQLiteDataSource ds = dataSource(file);
        migrate(ds, file);
        try {
            // autocommit on: Store opens each write transaction itself with BEGIN IMMEDIATE, so the writer never
            // sits in an open transaction between writes (which would keep WAL checkpoints from finishing)
            Connection writer = ds.getConnection();
            Connection reader = dataSource(file).getConnection();
            log.info("store open: {}", file);
            return new Database(file, writer, reader, false);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A database that lives in memory only, under {@code name} (unique per process), migrated by the same Flyway
     * scripts and read and written through the same code as a file: a backtest's scratch books. It is gone once
     * closed. The reader sees the writer's open transaction (shared cache, read_uncommitted), since a scratch store
     * may keep one transaction open for a whole engine instant (see {@link Store#instant}).
     */
    public static Database inMemory(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("not a database name: " + name);
        String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
        Path label = Path.of("memory-" + name);
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setSharedCache(true);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            // the writer is opened first and held: a shared in-memory database lives while a connection is open
            Connection writer = ds.getConnection();
            migrate(ds, label);
            SQLiteConfig readConfig = new SQLiteConfig();
            readConfig.setSharedCache(true);
            readConfig.setReadUncommitted(true);
            SQLiteDataSource readDs = new SQLiteDataSource(readConfig);
            readDs.setUrl(url);
            Connection reader = readDs.getConnection();
            return new Database(label, writer, reader, true);
        } catch (SQLException e) {
            throw new StoreException("cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    /**
     * Moves a damaged data file (and its WAL and shared-memory files) aside under a name with the time, without
     * changing a byte of it, so that a new file can be started. Returns where it now is.
     */
    public static Path setAside(Path dataDir, java.time.Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        Path file = dataDir.resolve(FILE_NAME);
        Path kept = dataDir.resolve(FILE_NAME + ".damaged-" + stamp);
        try {
            Files.move(file, kept);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = dataDir.resolve(FILE_NAME + suffix);
                if (Files.exists(side)) Files.move(side, dataDir.resolve(FILE_NAME + ".damaged-" + stamp + suffix));
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot move the damaged data file " + file + " aside: " + e.getMessage(), e);
        }
        return kept;
    }

    /**
     * Reads one setting without opening the store for writing or migrating it, so a command line can be checked
     * against an existing data folder before anything in it changes. Empty when there is no file or no value.
     */
    public static java.util.Optional<String> peekSetting(Path dataDir, String key) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var st = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            st.setString(1, key);
            try (var rs = st.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            return java.util.Optional.empty();  // no settings yet, or a damaged file that open() will report
        }
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

    private static void migrate(SQLiteDataSource ds, Path file) {
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new StoreException(damaged(file, e.getMessage().lines().findFirst().orElse("migration failed")), e);
        }
    }

    private static String damaged(Path file, String why) {
        return "the data file " + file.toAbsolutePath() + " is damaged or is not a Flotilla database (" + why
                + "); it was left as it is. Move it away or start with another --data-dir.";
    }

    public Path file() {
        return file;
    }

    /** Whether this is a scratch database in memory (see {@link #inMemory}). */
    public boolean inMemory() {
        return inMemory;
    }

    DSLContext writeContext() {
        return writeCtx;
    }

    Connection writerConnection() {
        return writer;
    }

    PreparedWrites preparedWrites() {
        return prepared;
    }

    DSLContext readContext() {
        return readCtx;
    }

    /** A pragma's value as a live connection reports it (journal_mode, synchronous, foreign_keys, busy_timeout). */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) throw new IllegalArgumentException("not a pragma name: " + name);
        synchronized (reader) {
            return String.valueOf(readCtx.fetchValue("PRAGMA " + name));
        }
    }

    /**
     * Caps the file at this many pages; a write that would grow it further fails like a full disk. A guard for
     * small devices, and how tests make a disk fill up.
     */
    public void setPageLimit(long pages) {
        synchronized (writer) {
            try (var st = writer.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pages);
            } catch (SQLException e) {
                throw new StoreException("cannot set the page limit of " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The file's current size in pages. */
    public long pageCount() {
        synchronized (writer) {
            try (var st = writer.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            synchronized (writer) {
                if (!writer.isClosed()) {
                    prepared.close();
                    // fold the WAL back into the main file so the next start needs no recovery
                    if (!inMemory) {
                        try (var st = writer.createStatement()) {
                            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                        }
                    }
                    writer.close();
                }
            }
            synchronized (reader) {
                reader.close();
            }
            if (!inMemory) log.info("store closed: {}", file);
        } catch (SQLException e) {
            log.warn("closing the store {} failed: {}", file, e.getMessage());
        }
    }
}
