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
    private final Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    /** Whoever writes holds this: the writer connection may be replaced (a server's lost connection), never the lock. */
    private final Object writeLock = new Object();
    // replaced together when a lost server connection is made again (under writeLock, or the reader's own lock)
    private volatile Connection writer;
    private volatile Connection reader;
    private volatile DSLContext writeCtx;
    private volatile DSLContext readCtx;
    private volatile PreparedWrites prepared;
    /** Rows the writer sessions before this one changed. Under writeLock. */
    private long earlierRows;
    private final boolean inMemory;
    /** The engine node whose writes are fenced, or null (the app holds the database alone). */
    private final String node;

    private Database(StoreLocation location, SQLDialect dialect, Connection writer, Connection reader, boolean inMemory) {
        this(location, dialect, writer, reader, inMemory, null);
    }

    private Database(StoreLocation location, SQLDialect dialect, Connection writer, Connection reader, boolean inMemory,
                     String node) {
        this.node = node;
        this.location = location;
        this.dialect = dialect;
        this.inMemory = inMemory;
        useWriter(writer);
        this.reader = reader;
        this.readCtx = DSL.using(reader, dialect, settings);
    }

    private void useWriter(Connection c) {
        this.writer = c;
        this.prepared = new PreparedWrites(c, DSL.using(dialect, settings));
        // the rows a write changes, for the writer's statistics: SQLite counts them itself (total_changes())
        org.jooq.ExecuteListener counting = org.jooq.ExecuteListener.onExecuteEnd(ctx -> prepared.counted(ctx.rows()));
        this.writeCtx = DSL.using(new org.jooq.impl.DefaultConfiguration().set(c).set(dialect).set(settings)
                .set(dialect == SQLDialect.SQLITE ? new org.jooq.ExecuteListener[0] : new org.jooq.ExecuteListener[] {counting}));
    }

    /**
     * After the server connection of the writer was lost: a new session, as the lost one was (the in-use lock, a
     * node's name; a node's fencing numbers are not carried over, so its writes are refused until it takes its
     * leases again). False while the server cannot be reached; a file store never loses its connection. Under the
     * write lock.
     */
    boolean reconnectWriter() {
        if (!(location instanceof StoreLocation.Server s)) return false;
        try {
            Connection fresh = PostgresServer.reconnect(s, node);
            earlierRows += prepared.rowsChanged();
            prepared.close();
            PostgresServer.close(writer);
            useWriter(fresh);
            log.warn("store: the connection to {} was lost and is made again", where());
            return true;
        } catch (StoreException e) {
            log.warn("store: {} cannot be reached yet: {}", where(), e.getMessage());
            return false;
        }
    }

    /** The same for the reader connection; the caller holds the reader's lock (its context). */
    boolean reconnectReader() {
        if (!(location instanceof StoreLocation.Server s)) return false;
        try {
            Connection fresh = PostgresServer.reader(s);
            PostgresServer.close(reader);
            reader = fresh;
            readCtx = DSL.using(fresh, dialect, settings);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** Rows changed by this store's writes, over every writer session. Under the write lock. */
    long rowsChanged() {
        return earlierRows + prepared.rowsChanged();
    }

    Object writeLock() {
        return writeLock;
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
                Connection[] c = PostgresServer.open(s, null);
                yield new Database(location, SQLDialect.POSTGRES, c[0], c[1], false);
            }
        };
        log.info("store open: {}", location.describe());
        return db;
    }

    /**
     * Opens a PostgreSQL store as engine node {@code node} of a fleet several nodes share (issue 17): beside other
     * nodes, never beside an app, and every write of a bot refused by the database unless this node holds its lease
     * under the fencing number it took it with (decision 0032). A SQLite file has one process: it cannot have nodes.
     */
    public static Database openNode(StoreLocation location, String node) {
        if (node == null || !node.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("a node name is 1 to 64 letters, digits and _ . : -, got '" + node + "'");
        }
        if (!(location instanceof StoreLocation.Server s)) {
            throw new IllegalArgumentException("engine nodes share a PostgreSQL database (--db postgresql://...); "
                    + location.describe() + " is a SQLite file, which one process holds alone");
        }
        Connection[] c = PostgresServer.open(s, node);
        log.info("store open: {} as engine node {}", location.describe(), node);
        return new Database(location, SQLDialect.POSTGRES, c[0], c[1], false, node);
    }

    /** The engine node whose writes are fenced, or null when the app holds the database alone. */
    String node() {
        return node;
    }

    /**
     * A database that lives in memory only, under {@code name} (unique per process), with the schema the same Flyway
     * scripts make (migrated once per process, see {@link ScratchSchema}) and read and written through the same code
     * as a file: a backtest's scratch books. It is gone once
     * closed. The reader sees the writer's open transaction (shared cache, read_uncommitted), since a scratch store
     * may keep one transaction open for a whole engine instant (see {@link Store#instant}).
     */
    public static Database inMemory(String name) {
        Connection[] c = SqliteFile.openInMemory(name);
        return new Database(new StoreLocation.Folder(SqliteFile.memoryLabel(name)), SQLDialect.SQLITE, c[0], c[1], true);
    }

    /** Moves a damaged data file (with its WAL and shm files) aside, not a byte changed, for a new one; says where. */
    public static Path setAside(Path dataDir, java.time.Instant now) {
        return SqliteFile.setAside(dataDir, now);
    }

    /** One setting, read without writing or migrating (a command line checked first); empty when there is none. */
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
        synchronized (writeLock) {
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
        synchronized (writeLock) {
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
            synchronized (writeLock) {
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
