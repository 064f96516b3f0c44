package dev.flotilla.app;

import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `flotilla node` processes on one database of the tests' PostgreSQL server, and what they left in it. */
final class Nodes {

    static final String[] SANDBOX = {"--seed", "7", "--start", "2026-01-05"};
    static final long START = java.time.Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    private Nodes() {
    }

    /** A node process, its output in {@code output}. */
    static Process start(StoreLocation.Server db, String name, Path output, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node", "--db", TestServer.url(db),
                "--name", name));
        cmd.addAll(List.of(SANDBOX));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("FLOTILLA_"));
        return pb.start();
    }

    /** The headless app alone on {@code db} for {@code duration} at full speed: the trades to compare with. */
    static List<String> alone(StoreLocation.Server db, Path dir, String duration) throws Exception {
        List<String> options = new ArrayList<>(List.of("--speed", "max", "--db", TestServer.url(db), "--duration", duration));
        options.addAll(List.of(SANDBOX));
        Process p = ChildProcess.start(dir.resolve("alone"), dir.resolve("alone.out"), options.toArray(String[]::new));
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) throw new AssertionError("the single engine's run failed");
        return trades(db);
    }

    static Connection connect(StoreLocation.Server db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** Each node's unexpired leases, by the database's clock. */
    static Map<String, Integer> holders(Connection c) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT node, count(*) FROM bot_leases"
                + " WHERE expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint GROUP BY node")) {
            while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
        }
        return out;
    }

    /** The engine time node {@code name} reached, or 0. */
    static long nodeTime(Connection c, String name) throws SQLException {
        try (var st = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            st.setString(1, "engine.time.node." + name);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
            }
        }
    }

    /** A count the database gives for {@code sql}. */
    static int count(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Whether the books are whole: every order the broker filled booked (client order ids and fills are unique keys),
     * no fill of an order not booked as filled, no decision of a bot sent twice (two filled orders of one tick close).
     */
    static List<String> broken(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        if (count(c, "SELECT count(*) FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id"
                + " WHERE o.status IS DISTINCT FROM 'FILLED'") > 0) out.add("a fill of an order not booked as filled");
        if (count(c, "SELECT count(*) FROM (SELECT bot_id, tick_close, side FROM orders WHERE status = 'FILLED' AND tick_close IS NOT NULL"
                + " GROUP BY bot_id, tick_close, side HAVING count(*) > 1) d") > 0) out.add("one tick's order filled twice");
        return out;
    }

    static List<String> trades(StoreLocation.Server db) {
        try (Store store = new Store(Database.open(db))) {
            return trades(store.fills());
        }
    }

    static List<String> trades(List<Fill> fills) {
        return fills.stream().map(f -> f.botId() + " " + f.side() + " " + f.qty() + " @ " + f.price() + " at " + f.filledAt()).toList();
    }
}
