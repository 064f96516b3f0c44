package dev.flotilla.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.store.TestServer;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes in one JVM on one PostgreSQL database share the default fleet (issue 17): whatever happens to the
 * node that runs it, the fleet trades exactly what one engine running it alone trades, and its books stay whole.
 */
class NodeRuntimeTest {

    static final Duration RUN = Duration.ofHours(12);
    static final Duration BEAT = Duration.ofMillis(200);
    static final int FLEET = 45;
    static List<String> alone;
    static Map<String, Long> aloneLastCloses;

    @BeforeAll
    static void oneEngineAlone() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        alone = Cluster.singleEngine(where, RUN);
        aloneLastCloses = Cluster.lastCloses(where);
    }

    /**
     * atr-trx-15m's entry at 04:46:06 is filled by the broker, then node A dies before that tick is committed: its
     * heartbeats stop, nothing is given back. Node B takes every bot once A's leases lapse, books the fill A's broker
     * made (from the broker's record, as a restart does) and goes on from where A's books stand.
     */
    @Test
    void whenTheNodeRunningTheFleetDiesAnotherTakesItAfterItsLeasesLapseAndTradesOnAsIfNothingHappened() throws Exception {
        long kill = Instant.parse("2026-01-05T04:46:06Z").toEpochMilli();
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        Duration ttl = Duration.ofMillis(1_500);
        long[] died = new long[1];
        UnaryOperator<Broker> dies = b -> new DiesAfterFilling(b, "atr-trx-15m", kill, died);
        try (Cluster.Node a = Cluster.node(where, "node-a", ttl, BEAT, RUN, dies);
             Cluster.Node b = Cluster.node(where, "node-b", ttl, BEAT, RUN, UnaryOperator.identity())) {
            a.runtime().start();
            Cluster.await(() -> a.runtime().held().size() == FLEET, Duration.ofSeconds(30));
            b.runtime().start();
            assertThat(a.runtime().awaitTermination(60_000)).as("node A stops on its engine's death").isTrue();
            assertThat(a.runtime().failure()).hasRootCauseInstanceOf(Died.class);
            Cluster.await(() -> b.runtime().held().size() == FLEET, Duration.ofSeconds(30));
            Duration handOver = Duration.ofNanos(System.nanoTime() - died[0]);
            System.out.println("hand-over after a crash: " + handOver.toMillis() + " ms (ttl " + ttl.toMillis() + " ms, beat " + BEAT.toMillis() + " ms)");
            // not before A's last lease lapsed (its last heartbeat came at most one beat before it died), then at B's next beat
            assertThat(handOver).isGreaterThan(ttl.minus(BEAT).minusMillis(100)).isLessThan(ttl.plus(BEAT).plusSeconds(3));
            Cluster.await(() -> reachedEnd(b.runtime()), Duration.ofSeconds(120));
            assertThat(b.runtime().failure()).isNull();
            assertThat(Cluster.trades(b.store().fills())).containsExactlyElementsOf(alone);
            var leases = new LeaseStore(b.store()).leases();
            assertThat(leases).hasSize(FLEET).allSatisfy(l -> {
                assertThat(l.node()).isEqualTo("node-b");
                assertThat(l.fence()).isEqualTo(2L);
            });
        }
        Cluster.assertConsistent(where);
    }

    /** A node stopping cleanly gives its leases back: the other takes the bots at its next heartbeat, not after the ttl. */
    @Test
    void aCleanStopGivesTheLeasesBackAndTheOtherNodeTakesThemAtOnce() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        Duration ttl = Duration.ofSeconds(20);
        try (Cluster.Node a = Cluster.node(where, "node-a", ttl, BEAT, RUN, UnaryOperator.identity());
             Cluster.Node b = Cluster.node(where, "node-b", ttl, BEAT, RUN, UnaryOperator.identity())) {
            a.runtime().start();
            Cluster.await(() -> a.runtime().held().size() == FLEET, Duration.ofSeconds(30));
            b.runtime().start();
            long third = Cluster.START + RUN.toMillis() / 3;
            Cluster.await(() -> a.runtime().engine() != null && a.runtime().engine().clock().now() > third, Duration.ofSeconds(60));
            assertThat(b.runtime().held()).as("nothing free while A runs").isEmpty();
            a.runtime().stop();
            long stopped = System.nanoTime();
            assertThat(Cluster.held(new LeaseStore(b.store()), "node-a")).isEmpty();
            Cluster.await(() -> b.runtime().held().size() == FLEET, Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(ttl.dividedBy(4));
            Cluster.await(() -> reachedEnd(b.runtime()), Duration.ofSeconds(120));
            assertThat(b.runtime().failure()).isNull();
            assertThat(a.runtime().failure()).isNull();
            assertThat(Cluster.trades(b.store().fills())).containsExactlyElementsOf(alone);
        }
        Cluster.assertConsistent(where);
    }

    /**
     * The fleet split over two nodes (A holds at most 20 bots, B the rest); A stops heartbeating at some engine time
     * while B stands at another. B adopts A's bots: the group behind runs alone up to the other's time first, then all
     * of them together, so every bot ends at the close one engine alone ends it at, no close decided twice, and the
     * books whole. (Split, each node's portfolio limits see only its own bots, so the trades are not one engine's.)
     */
    @Test
    void botsAdoptedFromANodeStandingAtAnotherTimeAreBroughtToTheNodesTimeFirst() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        Duration ttl = Duration.ofMillis(1_500);
        try (Cluster.Node a = Cluster.node(where, "node-a", ttl, BEAT, RUN, 20, UnaryOperator.identity());
             Cluster.Node b = Cluster.node(where, "node-b", ttl, BEAT, RUN, UnaryOperator.identity())) {
            a.runtime().start();
            Cluster.await(() -> a.runtime().held().size() == 20, Duration.ofSeconds(30));
            b.runtime().start();
            Cluster.await(() -> b.runtime().running().size() == FLEET - 20, Duration.ofSeconds(30));
            long third = Cluster.START + RUN.toMillis() / 3;
            Cluster.await(() -> a.runtime().engine() != null && a.runtime().engine().clock().now() > third, Duration.ofSeconds(60));
            a.runtime().kill();
            Cluster.await(() -> b.runtime().running().size() == FLEET && reachedEnd(b.runtime()), Duration.ofSeconds(120));
            assertThat(b.runtime().failure()).isNull();
            assertThat(b.runtime().catchUps()).as("one group ran alone up to the other's time").isEqualTo(1);
        }
        assertThat(Cluster.lastCloses(where)).containsExactlyEntriesOf(aloneLastCloses);
        try (var c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM (SELECT bot_id, tick_close, side FROM orders WHERE status = 'FILLED'"
                     + " AND tick_close IS NOT NULL GROUP BY bot_id, tick_close, side HAVING count(*) > 1) twice")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a close decided twice").isZero();
        }
        Cluster.assertConsistent(where);
    }

    /**
     * The server ends the node's sessions mid-run: its new writer session holds no fencing numbers (decision 0033), so
     * the next write of a bot is refused though every lease is still the node's; the node takes its leases again under
     * new fences and trades on to the very trades of one engine alone.
     */
    @Test
    void aNodeWhoseServerSessionsWereCutTakesItsLeasesAgainAndTradesOn() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        try (Cluster.Node a = Cluster.node(where, "node-a", Duration.ofSeconds(20), BEAT, RUN, UnaryOperator.identity())) {
            a.runtime().start();
            long third = Cluster.START + RUN.toMillis() / 3;
            Cluster.await(() -> a.runtime().engine() != null && a.runtime().engine().clock().now() > third, Duration.ofSeconds(60));
            assertThat(TestServer.cutConnections(where)).isPositive();
            Cluster.await(() -> reachedEnd(a.runtime()), Duration.ofSeconds(120));
            assertThat(a.runtime().failure()).isNull();
            assertThat(a.runtime().held()).hasSize(FLEET);
            assertThat(Cluster.trades(a.store().fills())).containsExactlyElementsOf(alone);
            assertThat(new LeaseStore(a.store()).leases()).allSatisfy(l -> assertThat(l.fence()).isEqualTo(2L));
        }
        Cluster.assertConsistent(where);
    }

    /**
     * A lease taken from under a running node (it was paused past its ttl, say): that bot's next write is refused by the
     * database, and the node drops the bot and trades on with the rest instead of failing.
     */
    @Test
    void aWriteRefusedForALostLeaseDropsThatBotAndTheNodeGoesOn() throws Exception {
        StoreLocation.Server where = TestServer.newDatabase();
        Cluster.seed(where);
        Duration ttl = Duration.ofSeconds(20);
        String stolen = "ema-btc-15m";
        long steal = Cluster.START + Duration.ofHours(2).toMillis();
        Runnable thief = () -> {
            try (var c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password()); var st = c.createStatement()) {
                st.executeUpdate("UPDATE bot_leases SET node = 'thief', fence = fence + 1, expires_at = 9000000000000"
                        + " WHERE bot_id = '" + stolen + "'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        // heartbeats a minute apart: only the refused write can tell the node in time
        try (Cluster.Node a = Cluster.node(where, "node-a", Duration.ofMinutes(5), Duration.ofMinutes(1), RUN,
                b -> new StealsAt(b, steal, thief))) {
            a.runtime().start();
            Cluster.await(() -> !a.runtime().running().contains(stolen) && a.runtime().running().size() == FLEET - 1,
                    Duration.ofSeconds(60));
            Cluster.await(() -> reachedEnd(a.runtime()), Duration.ofSeconds(120));
            assertThat(a.runtime().failure()).isNull();
            assertThat(a.runtime().held()).hasSize(FLEET - 1).doesNotContain(stolen);
            List<Fill> fills = a.store().fills();
            assertThat(fills).as("the others traded on to the end").anyMatch(f -> f.filledAt() > Cluster.START + RUN.toMillis() / 2);
            try (var c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password()); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM orders WHERE bot_id = '" + stolen + "' AND created_at > " + steal)) {
                rs.next();
                assertThat(rs.getInt(1)).as("orders of the stolen bot after its lease was taken").isZero();
            }
        }
    }

    /** Takes a lease from under the node (in another session) when the first order at or after {@code at} is sent. */
    private record StealsAt(Broker broker, long at, Runnable steal, java.util.concurrent.atomic.AtomicBoolean done) implements Broker {
        StealsAt(Broker broker, long at, Runnable steal) {
            this(broker, at, steal, new java.util.concurrent.atomic.AtomicBoolean());
        }

        @Override
        public BrokerReply submit(OrderRequest r) {
            if (r.time() >= at && done.compareAndSet(false, true)) steal.run();
            return broker.submit(r);
        }

        @Override
        public Optional<Fill> lookup(String clientOrderId) {
            return broker.lookup(clientOrderId);
        }

        @Override
        public void allocate(String account, BigDecimal capital) {
            broker.allocate(account, capital);
        }

        @Override
        public Map<String, BigDecimal> balances(String account) {
            return broker.balances(account);
        }
    }

    private static boolean reachedEnd(NodeRuntime node) {
        try {
            return node.reachedEnd();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The process dying between the broker's fill and the commit of the tick that sent the order. */
    static final class Died extends Error {
        Died() {
            super("killed after the broker filled the order");
        }
    }

    private record DiesAfterFilling(Broker broker, String botId, long at, long[] died) implements Broker {
        @Override
        public BrokerReply submit(OrderRequest r) {
            BrokerReply reply = broker.submit(r);
            if (r.account().equals(botId) && r.time() == at) {
                died[0] = System.nanoTime();
                throw new Died();
            }
            return reply;
        }

        @Override
        public Optional<Fill> lookup(String clientOrderId) {
            return broker.lookup(clientOrderId);
        }

        @Override
        public void allocate(String account, BigDecimal capital) {
            broker.allocate(account, capital);
        }

        @Override
        public Map<String, BigDecimal> balances(String account) {
            return broker.balances(account);
        }
    }
}
