package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless app with its store on a real PostgreSQL server (--db): it trades, stops, starts again from the database
 * and ends with the trades of one uninterrupted run on a SQLite data file; the password is in no line it printed or
 * logged.
 */
class PostgresHeadlessTest {

    static final String[] RUN = {"--speed", "max", "--seed", "7", "--start", "2026-01-05"};

    @TempDir
    Path dir;

    @Test
    void tradesOnPostgresqlAndRestartsFromTheDatabase() throws Exception {
        StoreLocation.Server db = TestServer.newDatabase();
        Path data = dir.resolve("pg-folder");
        run(data, "first.out", Map.of(), "--db", TestServer.url(db), "--duration", "1d");
        assertThat(data.resolve(Database.FILE_NAME)).as("the books are on the server, not in the folder").doesNotExist();
        int afterFirst = fills(db).size();
        assertThat(afterFirst).as("the first day traded").isPositive();

        // again, the password from the environment this time: it resumes where the database stands
        String noPassword = TestServer.url(db).replaceAll("&password=[^&]*", "");
        String second = run(data, "second.out", Map.of("FLOTILLA_DB_PASSWORD", TestServer.PASSWORD), "--db", noPassword,
                "--duration", "2d");
        assertThat(second).contains("data postgresql://localhost:" + TestServer.server().getPort());
        List<Fill> onServer = fills(db);
        assertThat(onServer.size()).isGreaterThan(afterFirst);

        Path reference = dir.resolve("sqlite-folder");
        run(reference, "reference.out", Map.of(), "--duration", "2d");
        List<Fill> inFile;
        try (Store store = new Store(Database.open(reference))) {
            inFile = store.fills();
        }
        assertThat(trades(onServer)).as("two days on PostgreSQL with a restart, as two days on SQLite").isEqualTo(trades(inFile));
        assertThat(onServer.stream().map(Fill::clientOrderId).distinct().count()).isEqualTo(onServer.size());

        String printed = Files.readString(dir.resolve("first.out")) + second
                + Files.readString(data.resolve("logs").resolve("flotilla.log"));
        assertThat(printed).contains("store open: postgresql://").doesNotContain(TestServer.PASSWORD);
    }

    @Test
    void aBadAddressIsOneClearLineAndTouchesNothing() throws Exception {
        Path data = dir.resolve("bad");
        Process p = ChildProcess.start(data, dir.resolve("bad.out"), "--db", "mysql://h/db?user=u&password=hunter2-secret");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("bad.out"));
        assertThat(p.exitValue()).as(out).isEqualTo(Main.USAGE);
        assertThat(out).contains("--db: not a PostgreSQL address").doesNotContain("hunter2-secret");
        assertThat(data.resolve(Database.FILE_NAME)).doesNotExist();
    }

    private String run(Path data, String output, Map<String, String> env, String... options) throws Exception {
        Path out = dir.resolve(output);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(RUN), java.util.Arrays.stream(options))
                .toArray(String[]::new);
        Process p = ChildProcess.start(data, out, env, all);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the run ended").isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(printed).isZero();
        return printed;
    }

    private static List<Fill> fills(StoreLocation.Server db) {
        try (Store store = new Store(Database.open(db))) {
            return store.fills();
        }
    }

    /** The trades without their order ids, in the order they happened. */
    private static List<String> trades(List<Fill> fills) {
        return fills.stream().sorted(Comparator.comparingLong(Fill::filledAt).thenComparing(Fill::botId))
                .map(f -> f.botId() + " " + f.side() + " " + f.qty() + " @ " + f.price() + " fee " + f.fee() + " at " + f.filledAt())
                .toList();
    }
}
