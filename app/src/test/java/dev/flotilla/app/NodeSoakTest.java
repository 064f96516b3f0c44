package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 17, by hand only ({@code -Dflotilla.soak=true}; {@code -Dflotilla.soak.rounds=20},
 * {@code -Dflotilla.soak.kill=active} to kill the node running the fleet every round instead of a random one): three
 * {@code flotilla node} processes on one PostgreSQL database, the default fleet in simulated time; a random node is
 * killed with SIGKILL and started again, round after round. After every round the books are whole; at the end the
 * trades are those of one engine alone with the same seed. The lease hand-over (SIGKILL of the node running the fleet
 * until another holds every bot) is printed as p50 and max.
 *
 * <pre>./mvnw -o -q -pl app -am test -Dtest=NodeSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dflotilla.soak=true</pre>
 */
@EnabledIfSystemProperty(named = "flotilla.soak", matches = "true")
class NodeSoakTest {

    static final int FLEET = 45;

    @TempDir
    Path dir;

    @Test
    void threeNodesKilledAtRandomTradeAsOneEngineAlone() throws Exception {
        int rounds = Integer.getInteger("flotilla.soak.rounds", 20);
        boolean activeOnly = "active".equals(System.getProperty("flotilla.soak.kill"));
        String duration = System.getProperty("flotilla.soak.duration", "3d");
        String[] options = {"--speed", System.getProperty("flotilla.soak.speed", "900"), "--duration", duration};
        long end = Nodes.START + Settings.duration(duration).toMillis();
        List<String> alone = Nodes.alone(TestServer.newDatabase(), dir, duration);
        StoreLocation.Server db = TestServer.newDatabase();
        String[] names = {"node-1", "node-2", "node-3"};
        Process[] nodes = new Process[3];
        Random random = new Random(Long.getLong("flotilla.soak.seed", System.nanoTime()));
        List<Long> handOvers = new ArrayList<>();
        int[] startsOf = {1, 1, 1};
        try (var c = Nodes.connect(db)) {
            for (int i = 0; i < 3; i++) {
                nodes[i] = Nodes.start(db, names[i], dir.resolve(names[i] + ".out"), options);
                NodeCommandTest.printed(dir.resolve(names[i] + ".out"), "node " + names[i] + " started");
            }
            for (int round = 1; round <= rounds; round++) {
                String active = activeHolder(c);
                int victim = activeOnly ? indexOf(names, active) : random.nextInt(3);
                boolean wasActive = names[victim].equals(active);
                long engineAt = Nodes.nodeTime(c, names[victim]);
                nodes[victim].destroyForcibly();  // SIGKILL
                long killed = System.nanoTime();
                assertThat(nodes[victim].waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (wasActive) {
                    NodeCommandTest.await(() -> {
                        String now = activeHolder(c);
                        return now != null && !now.equals(names[victim]);
                    }, Duration.ofSeconds(60));
                    handOvers.add((System.nanoTime() - killed) / 1_000_000);
                }
                assertThat(Nodes.broken(c)).as("round " + round).isEmpty();
                System.out.printf("round %d: killed %s (%s, engine time %s)%s%n", round, names[victim],
                        wasActive ? "running the fleet" : "standing by", java.time.Instant.ofEpochMilli(engineAt),
                        wasActive ? ", hand-over " + handOvers.getLast() + " ms" : "");
                nodes[victim] = Nodes.start(db, names[victim], dir.resolve(names[victim] + ".out"), options);
                int times = ++startsOf[victim];
                NodeCommandTest.await(() -> java.nio.file.Files.readString(dir.resolve(names[victim] + ".out"))
                        .split("node " + names[victim] + " started", -1).length - 1 >= times, Duration.ofSeconds(60));
                // the fleet moves on (a new engine boots in a cold JVM), then a random while more before the next kill
                long moved = Math.min(end, Math.max(engineAt, Nodes.nodeTime(c, activeHolder(c))) + Duration.ofMinutes(30).toMillis());
                NodeCommandTest.await(() -> {
                    String a = activeHolder(c);
                    return a != null && Nodes.nodeTime(c, a) >= moved;
                }, Duration.ofSeconds(120));
                Thread.sleep(500 + random.nextInt(3_000));
            }
            NodeCommandTest.await(() -> {
                String a = activeHolder(c);
                return a != null && Nodes.nodeTime(c, a) >= end;
            }, Duration.ofMinutes(15));
            assertThat(Nodes.broken(c)).isEmpty();
            assertThat(Nodes.count(c, "SELECT count(*) FROM paper_orders p LEFT JOIN fills f ON f.client_order_id = p.client_order_id"
                    + " WHERE f.client_order_id IS NULL")).as("orders the broker filled that the books never booked").isZero();
        } finally {
            for (Process p : nodes) if (p != null) p.destroy();
            for (Process p : nodes) if (p != null) p.waitFor(30, TimeUnit.SECONDS);
        }
        try (Store store = new Store(Database.open(db))) {
            assertThat(store.orders(OrderStatus.PENDING)).isEmpty();
        }
        assertThat(Nodes.trades(db)).containsExactlyElementsOf(alone);
        List<Long> sorted = new ArrayList<>(handOvers);
        Collections.sort(sorted);
        System.out.printf("soak: %d rounds, %d hand-overs after a SIGKILL of the node running the fleet; p50 %d ms, max %d ms"
                        + " (ttl 20 s, heartbeat 5 s); %d trades equal to one engine alone%n", rounds, sorted.size(),
                sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2), sorted.isEmpty() ? 0 : sorted.getLast(), alone.size());
    }

    /** The one node holding unexpired leases of the whole fleet, or null (none, or the fleet split). */
    private static String activeHolder(java.sql.Connection c) throws Exception {
        Map<String, Integer> holders = Nodes.holders(c);
        for (var e : holders.entrySet()) if (e.getValue() == FLEET) return e.getKey();
        assertThat(holders.size()).as("the fleet split over nodes: " + holders).isLessThanOrEqualTo(1);
        return null;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return 0;
    }
}
