package dev.flotilla.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Engine nodes on one database of the tests' PostgreSQL server, trading the default fleet on the sandbox at full speed
 * from a fixed start, and the single engine that runs the same fleet alone, to compare with.
 */
final class Cluster {

    static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    static final long ORIGIN = START - Duration.ofDays(60).toMillis();
    static final long SEED = 7;
    static final EngineConfig CONFIG = EngineConfig.defaults().withSpeed(EngineConfig.MAX_SPEED);

    private Cluster() {
    }

    /** A database with the default fleet in it and its leases registered, as an app that set it up leaves it. */
    static void seed(StoreLocation.Server where) throws Exception {
        try (Store app = new Store(Database.open(where))) {
            FleetSeeder.seedIfEmpty(app, FleetFileTest.defaultFleet(), START);
            new LeaseStore(app).register();
        }
    }

    /** Each bot's last close ticked, as the database holds them. */
    static java.util.Map<String, Long> lastCloses(StoreLocation.Server where) throws Exception {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT bot_id, last_close FROM bot_state")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    /** The fills of one engine running the whole fleet for {@code run}, with nothing in the way. */
    static List<String> singleEngine(StoreLocation.Server where, Duration run) throws Exception {
        seed(where);
        try (Store store = new Store(Database.open(where))) {
            var clock = new Object() {
                volatile EngineClock target;
            };
            SandboxMarket market = new SandboxMarket(SEED, ORIGIN, () -> clock.target == null ? START : clock.target.now());
            Engine engine = new Engine(store, market, new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")),
                    StrategyRegistry.builtin(), CONFIG, "SANDBOX xmax", new EventBus());
            engine.boot(START, START);
            clock.target = engine.clock();
            engine.start(START + run.toMillis());
            engine.awaitTermination();
            assertThat(engine.failure()).isNull();
            engine.events().close();
            return trades(store.fills());
        }
    }

    /** A node on its own store of {@code where}; {@code wrap} stands between its engine and the paper broker. */
    static Node node(StoreLocation.Server where, String name, Duration ttl, Duration beat, Duration run, UnaryOperator<Broker> wrap) {
        return node(where, name, ttl, beat, run, Integer.MAX_VALUE, wrap);
    }

    /** {@link #node}, holding at most {@code maxBots} bots. */
    static Node node(StoreLocation.Server where, String name, Duration ttl, Duration beat, Duration run, int maxBots,
                     UnaryOperator<Broker> wrap) {
        Store store = new Store(Database.openNode(where, name));
        NodeOptions options = new NodeOptions(name, ttl, beat, maxBots, CONFIG, "SANDBOX xmax " + name, START,
                START + run.toMillis());
        NodeRuntime runtime = new NodeRuntime(store, c -> new SandboxMarket(SEED, ORIGIN, c),
                () -> wrap.apply(new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001"))), StrategyRegistry.builtin(), options);
        return new Node(store, runtime);
    }

    record Node(Store store, NodeRuntime runtime) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            runtime.close();
            store.close();
        }
    }

    /** Each fill as what was traded (bot, side, quantity, price, time), in order. */
    static List<String> trades(List<Fill> fills) {
        return fills.stream().map(f -> f.botId() + " " + f.side() + " " + f.qty() + " " + f.price() + " " + f.filledAt()).toList();
    }

    /** Waits for {@code done}, at most {@code max}; the time it took. */
    static Duration await(BooleanSupplier done, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not done within " + max);
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * What must hold after any hand-over (client order ids and fills are unique keys of the schema): every order the
     * broker filled booked, every fill of an order booked as filled, nothing left PENDING, and the books the database holds consistent: a single engine starting on them finds no
     * difference between its ledger and the broker's.
     */
    static void assertConsistent(StoreLocation.Server where) throws Exception {
        try (var c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password()); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT count(*) FROM paper_orders p LEFT JOIN fills f ON f.client_order_id = p.client_order_id"
                    + " WHERE f.client_order_id IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).as("orders the broker filled that the books never booked").isZero();
            }
            try (var rs = st.executeQuery("SELECT count(*) FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id"
                    + " WHERE o.status IS DISTINCT FROM 'FILLED'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("fills of orders not filled").isZero();
            }
        }
        try (Store store = new Store(Database.open(where))) {
            assertThat(store.orders(OrderStatus.PENDING)).isEmpty();
            Engine check = new Engine(store, new SandboxMarket(SEED, ORIGIN, () -> START), new PaperBroker(store,
                    new BigDecimal("5"), new BigDecimal("0.001")), StrategyRegistry.builtin(), CONFIG, "check", new EventBus());
            check.boot(START, START);
            assertThat(check.reconciliationDifferences()).isEmpty();
            assertThat(check.haltReason()).isNull();
            check.events().close();
        }
    }

    /** The bots {@code node} holds an unexpired lease of (a lease given back has expired: it keeps its last holder). */
    static List<String> held(LeaseStore leases, String node) {
        List<String> out = new ArrayList<>();
        for (LeaseStore.Lease l : leases.leases()) if (node.equals(l.node()) && l.expiresAt() > 0) out.add(l.botId());
        return out;
    }
}
