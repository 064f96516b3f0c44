package dev.flotilla.engine.store;

import java.nio.file.Path;

/**
 * The store a test's fixtures open for a data folder: the folder's SQLite file, or, in the PostgreSQL run of a class
 * marked {@link OnBothStores}, a database of the tests' server that stands for that folder (opened again, it is the
 * same database, so a restart test restarts from it).
 */
public final class TestStores {

    /** The two databases the store runs on. */
    public enum Backend { SQLITE, POSTGRESQL }

    private static volatile Backend current = Backend.SQLITE;

    private TestStores() {
    }

    public static Backend backend() {
        return current;
    }

    static void use(Backend backend) {
        current = backend;
    }

    /** Where the store of {@code dataDir} lives in the current run. */
    public static StoreLocation location(Path dataDir) {
        return current == Backend.SQLITE ? StoreLocation.folder(dataDir) : TestServer.databaseFor(dataDir);
    }

    /** Runs one statement straight on the store's database, as an operator's SQL tool would (an edit behind its back). */
    public static void execute(Path dataDir, String sql) throws java.sql.SQLException {
        StoreLocation where = location(dataDir);
        try (var c = where instanceof StoreLocation.Server s
                ? java.sql.DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password())
                : java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
             var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** Opens (creating and migrating) the store of {@code dataDir} in the current run. */
    public static Database open(Path dataDir) {
        return Database.open(location(dataDir));
    }
}
