package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import dev.flotilla.engine.model.OrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flotilla node} as a user starts it: two node processes on one PostgreSQL database; the one running the fleet
 * is stopped with SIGTERM and gives its leases back, the other takes the fleet at once and ends with the trades of the
 * headless app running it alone.
 */
class NodeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aNodeStoppedWithSigtermHandsTheFleetToTheOtherWhichTradesAsOneEngineAlone() throws Exception {
        List<String> alone = Nodes.alone(TestServer.newDatabase(), dir, "12h");
        StoreLocation.Server db = TestServer.newDatabase();
        String[] options = {"--speed", "3600", "--duration", "12h", "--lease-ttl", "10s", "--heartbeat", "200ms"};
        Process a = Nodes.start(db, "node-a", dir.resolve("a.out"), options);
        Process b = null;
        try (var c = Nodes.connect(db)) {
            printed(dir.resolve("a.out"), "node node-a started");
            await(() -> Nodes.holders(c).getOrDefault("node-a", 0) == 45, Duration.ofSeconds(60));
            b = Nodes.start(db, "node-b", dir.resolve("b.out"), options);
            printed(dir.resolve("b.out"), "node node-b started");
            await(() -> Nodes.nodeTime(c, "node-a") > Nodes.START + Duration.ofHours(4).toMillis(), Duration.ofSeconds(60));
            assertThat(Nodes.holders(c)).as("node-b stands by while node-a runs the fleet").containsOnlyKeys("node-a");
            a.destroy();  // SIGTERM
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long stopped = System.nanoTime();
            await(() -> Nodes.holders(c).getOrDefault("node-b", 0) == 45, Duration.ofSeconds(9));
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("at once, not after the 10 s ttl").isLessThan(Duration.ofSeconds(5));
            await(() -> Nodes.nodeTime(c, "node-b") >= Nodes.START + Duration.ofHours(12).toMillis(), Duration.ofSeconds(60));
            assertThat(Nodes.broken(c)).isEmpty();
        } finally {
            a.destroy();
            if (b != null) {
                b.destroy();
                assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(Files.readString(dir.resolve("a.out"))).contains("node node-a: holds 45 bot(s)");
        assertThat(Files.readString(dir.resolve("b.out"))).contains("node node-b: holds 45 bot(s)").doesNotContain(TestServer.PASSWORD);
        assertThat(Nodes.trades(db)).containsExactlyElementsOf(alone);
        try (Store store = new Store(Database.open(db))) {
            assertThat(store.orders(OrderStatus.PENDING)).isEmpty();
        }
    }

    @Test
    void aNodeTradesTheSandboxOnAPostgresqlDatabaseOnly() {
        assertThat(run("node")).isEqualTo(Main.USAGE);
        assertThat(run("node", "--db", "postgresql://localhost/x?user=u", "--market", "binance")).isEqualTo(Main.USAGE);
        assertThat(run("node", "--db", "postgresql://localhost/x?user=u", "--lease-ttl", "20")).isEqualTo(Main.USAGE);
        assertThat(run("node", "--db", "postgresql://localhost/x?user=u", "--kill-switch", "halt"))
                .as("the kill switch is on, flatten or off").isEqualTo(Main.USAGE);
        assertThat(run("node", "--db", "postgresql://localhost/x?user=u", "--lease-ttl", "2s", "--heartbeat", "5s"))
                .as("a heartbeat that does not come within the ttl").isEqualTo(Main.USAGE);
    }

    private static int run(String... args) {
        var err = new ByteArrayOutputStream();
        return Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }

    /** Waits until the process writing {@code out} has printed {@code text}. */
    static void printed(Path out, String text) throws Exception {
        await(() -> Files.exists(out) && Files.readString(out).contains(text), Duration.ofSeconds(60));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + max);
            Thread.sleep(20);
        }
    }
}
