package dev.flotilla.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL side of opening a store: a connection with the credentials apart from the address, a database that
 * holds another program's tables refused, the PostgreSQL scripts ({@code db/postgresql}, the same schema as SQLite's),
 * and one Flotilla app per database: the writer holds a session lock that a second one cannot take. Engine nodes that
 * share one fleet hold that lock shared instead (so they exclude an app, and an app them), and their writer session
 * is fenced: it names its node and keeps the fencing numbers of its leases, which the database checks at every
 * write of a bot (V10__lease_fencing). No message here holds the password.
 */
final class PostgresServer {

    static final String MIGRATIONS = "classpath:db/postgresql";
    /** The key of the session advisory lock a running Flotilla holds on its database ("Flotilla" in ASCII). */
    static final long IN_USE_LOCK = 0x466c6f74696c6c61L;

    private PostgresServer() {
    }

    static PGSimpleDataSource dataSource(StoreLocation.Server s) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(s.jdbcUrl());
        if (s.user() != null) ds.setUser(s.user());
        if (s.password() != null) ds.setPassword(s.password());
        ds.setApplicationName("flotilla");
        ds.setConnectTimeout(10);
        ds.setTcpKeepAlive(true);
        return ds;
    }

    /**
     * Connects, checks and migrates: the writer (no autocommit; it holds the in-use lock) and the reader connection.
     *
     * @param node the engine node this is, or null for the app, which holds the database alone
     */
    static Connection[] open(StoreLocation.Server s, String node) {
        PGSimpleDataSource ds = dataSource(s);
        Connection writer = writer(ds, s, node, true);
        try {
            return new Connection[] {writer, connect(ds, s)};
        } catch (RuntimeException e) {
            close(writer);
            throw e;
        }
    }

    /**
     * A new writer session after the old one's connection was lost: the in-use lock again (the server dropped it with
     * the old session), and a node's name and an empty table of fencing numbers. No migration: the schema is there.
     */
    static Connection reconnect(StoreLocation.Server s, String node) {
        return writer(dataSource(s), s, node, false);
    }

    /** The writer session: the in-use lock (shared for a node), then the schema checked and migrated if asked. */
    private static Connection writer(PGSimpleDataSource ds, StoreLocation.Server s, String node, boolean migrate) {
        Connection writer = connect(ds, s);
        try {
            try (var st = writer.prepareStatement(node == null ? "SELECT pg_try_advisory_lock(?)" : "SELECT pg_try_advisory_lock_shared(?)")) {
                st.setLong(1, IN_USE_LOCK);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new StoreException(node == null
                                ? "the database " + s.describe() + " is in use by another Flotilla (an app or engine nodes);"
                                        + " stop it first, or use another database"
                                : "the database " + s.describe() + " is in use by a Flotilla app, which holds it alone; stop it"
                                        + " before starting nodes on it");
                    }
                }
            }
            if (migrate) {
                checkIsOurs(writer, s);
                migrate(ds, s);
            }
            if (node != null) fenced(writer, node);
            writer.setAutoCommit(false);
            return writer;
        } catch (SQLException e) {
            close(writer);
            throw new StoreException("cannot open the database " + s.describe() + ": " + s.scrub(e.getMessage()), e);
        } catch (RuntimeException e) {
            close(writer);
            throw e;
        }
    }

    /** A new reader connection. */
    static Connection reader(StoreLocation.Server s) {
        return connect(dataSource(s), s);
    }

    /** Whether {@code e} says the server connection is gone. */
    static boolean lostConnection(org.jooq.exception.DataAccessException e) {
        return e.getCause() instanceof SQLException se && lostConnection(se.getSQLState());
    }

    /**
     * Whether a SQLSTATE says the session is gone: class 08 (the connection failed or was closed), or the server
     * ending it (57P01 an administrator's command or a shutdown, 57P02 a crash of another backend, 57P03 starting up).
     */
    static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** The writer session of a node: its name, and its table of the fencing numbers it holds its leases under. */
    private static void fenced(Connection writer, String node) throws SQLException {
        try (var st = writer.prepareStatement("SELECT set_config('flotilla.node', ?, false)")) {
            st.setString(1, node);
            st.execute();
        }
        try (var st = writer.createStatement()) {
            st.execute("CREATE TEMP TABLE flotilla_fences (bot_id TEXT COLLATE \"C\" PRIMARY KEY, fence BIGINT NOT NULL)");
        }
    }

    /** One setting read without migrating; empty when the database cannot be reached or has no such value yet. */
    static Optional<String> peekSetting(StoreLocation.Server s, String key) {
        try (Connection c = dataSource(s).getConnection();
             var st = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            st.setString(1, key);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();  // no settings table yet, or a server that open() will report
        }
    }

    private static Connection connect(PGSimpleDataSource ds, StoreLocation.Server s) {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database " + s.describe() + ": " + s.scrub(e.getMessage()), e);
        }
    }

    private static void checkIsOurs(Connection c, StoreLocation.Server s) throws SQLException {
        try (var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE table_name = 'flyway_schema_history')"
                     + " FROM information_schema.tables WHERE table_schema = current_schema()")) {
            rs.next();
            if (rs.getLong(1) > 0 && rs.getLong(2) == 0) {
                throw new StoreException("the database " + s.describe() + " holds tables of another program; it was left as"
                        + " it is. Give Flotilla a database of its own.");
            }
        }
    }

    private static void migrate(PGSimpleDataSource ds, StoreLocation.Server s) {
        try {
            Flyway.configure().dataSource(ds).locations(MIGRATIONS).loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the database " + s.describe() + " to Flotilla's schema ("
                    + s.scrub(e.getMessage().lines().findFirst().orElse("migration failed")) + "); it was left as it is", e);
        }
    }

    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing also lets go of the in-use lock
        }
    }
}
