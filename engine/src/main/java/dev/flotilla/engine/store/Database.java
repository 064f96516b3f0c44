package dev.flotilla.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: a data folder's SQLite file (opened with the pragmas the engine relies on) or a PostgreSQL
 * server, migrated by Flyway with the scripts of its dialect, with one writer connection (one transaction at a time)
 * and one reader connection. A file or database that is not Flotilla's is reported and never touched.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "flotilla.db";
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final StoreLocation location;
    private final SQLDialect dialect;
    private final Connection writer;
    private final Connection reader;
    private final DSLContext writeCtx;
    private final DSLContext readCtx;
    private final PreparedWrites prepared;
    private final boolean inMemory;

    private Database(StoreLocation location, SQLDialect dialect, Connection writer, Connection reader, boolean inMemory) {
        this.location = location;
        this.dialect = dialect;
        this.inMemory = inMemory;
        this.writer = writer;
        this.reader = reader;
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
        this.prepared = new PreparedWrites(writer, DSL.using(dialect, settings));
        // the rows a write changes, for the writer's statistics: SQLite counts them itself (total_changes())
        org.jooq.ExecuteListener counting = org.jooq.ExecuteListener.onExecuteEnd(ctx -> prepared.counted(ctx.rows()));
        this.writeCtx = DSL.using(new org.jooq.impl.DefaultConfiguration().set(writer).set(dialect).set(settings)
                .set(dialect == SQLDialect.SQLITE ? new org.jooq.ExecuteListener[0] : new org.jooq.ExecuteListener[] {counting}));
        this.readCtx = DSL.using(reader, dialect, settings);
    }

    /** Opens (creating if absent) the database in {@code dataDir} and migrates it to the current schema. */
    public static Database open(Path dataDir) {
        return open(StoreLocation.folder(dataDir));
    }

    /** Opens the store where it lives, creating and migrating it as needed. */
    public static Database open(StoreLocation location) {
        Database db = switch (location) {
            case StoreLocation.Folder f -> {
                Connection[] c = SqliteFile.open(f.dataDir());
                yield new Database(location, SQLDialect.SQLITE, c[0], c[1], false);
            }
            case StoreLocation.Server s -> {
                Connection[] c = PostgresServer.open(s);
                yield new Database(location, SQLDialect.POSTGRES, c[0], c[1], false);
            }
        };
        log.info("store open: {}", location.describe());
        return db;
    }

    /**
     * A database that lives in memory only, under {@code name} (unique per process), with the schema the same Flyway
     * scripts make (migrated once per process, see {@link ScratchSchema}) and read and written through the same code as a file: a backtest's scratch books. It is gone once
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
            ScratchSchema.restore(writer);
            SQLiteConfig readConfig = new SQLiteConfig();
            readConfig.setSharedCache(true);
            readConfig.setReadUncommitted(true);
            SQLiteDataSource readDs = new SQLiteDataSource(readConfig);
            readDs.setUrl(url);
            Connection reader = readDs.getConnection();
            return new Database(new StoreLocation.Folder(label), SQLDialect.SQLITE, writer, reader, true);
        } catch (SQLException e) {
            throw new StoreException("cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    /**
     * Moves a damaged data file (and its WAL and shared-memory files) aside under a name with the time, without
     * changing a byte of it, so that a new file can be started. Returns where it now is.
     */
    public static Path setAside(Path dataDir, java.time.Instant now) {
        return SqliteFile.setAside(dataDir, now);
    }

    /**
     * Reads one setting without opening the store for writing or migrating it, so a command line can be checked
     * against an existing data folder before anything in it changes. Empty when there is no file or no value.
     */
    public static Optional<String> peekSetting(Path dataDir, String key) {
        return SqliteFile.peekSetting(dataDir, key);
    }

    /** As {@link #peekSetting(Path, String)}, wherever the store lives. */
    public static Optional<String> peekSetting(StoreLocation location, String key) {
        return switch (location) {
            case StoreLocation.Folder f -> SqliteFile.peekSetting(f.dataDir(), key);
            case StoreLocation.Server s -> PostgresServer.peekSetting(s, key);
        };
    }

    public StoreLocation location() {
        return location;
    }

    /** The SQL dialect of the database, SQLITE or POSTGRES. */
    public SQLDialect dialect() {
        return dialect;
    }

    /** Whether the store is a SQLite file (or a scratch database in memory) rather than a server. */
    boolean sqlite() {
        return dialect == SQLDialect.SQLITE;
    }

    /** Where the store is, for messages and logs: a file's path, a server's address (never its password). */
    public String where() {
        return location.describe();
    }

    /** {@code text} with the server's password masked, should a driver have put it there. */
    String scrub(String text) {
        return location instanceof StoreLocation.Server s ? s.scrub(text) : text;
    }

    /** The SQLite file (a scratch database's label); a server has none. */
    public Path file() {
        if (!(location instanceof StoreLocation.Folder f)) throw new IllegalStateException("a server store has no file: " + where());
        return inMemory ? f.dataDir() : f.file();
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
        requireSqlite("pragma");
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
        requireSqlite("page limit");
        synchronized (writer) {
            try (var st = writer.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pages);
            } catch (SQLException e) {
                throw new StoreException("cannot set the page limit of " + where() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The file's current size in pages. */
    public long pageCount() {
        requireSqlite("page count");
        synchronized (writer) {
            try (var st = writer.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw new StoreException("cannot read the size of " + where() + ": " + e.getMessage(), e);
            }
        }
    }

    private void requireSqlite(String what) {
        if (!sqlite()) throw new UnsupportedOperationException("a " + what + " is SQLite's; this store is on " + where());
    }

    @Override
    public void close() {
        try {
            synchronized (writer) {
                if (!writer.isClosed()) {
                    prepared.close();
                    // fold the WAL back into the main file so the next start needs no recovery
                    if (sqlite() && !inMemory) {
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
            if (!inMemory) log.info("store closed: {}", where());
        } catch (SQLException e) {
            log.warn("closing the store {} failed: {}", where(), scrub(e.getMessage()));
        }
    }
}
