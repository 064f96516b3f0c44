package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.SqliteOnly;
import dev.flotilla.engine.store.PostgresOnly;
import dev.flotilla.engine.store.TestServer;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.BrokerUnavailableException;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@OnBothStores
class RestartSafetyTest {

    @TempDir
    Path dir;

    @Test
    void anEditedAccountHaltsTheFleetAtStartUntilTheOperatorDecides() throws Exception {
        List<Fill> before;
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(Duration.ofDays(1))) {
            before = h.fills();
            assertThat(h.engine.haltReason()).isNull();
        }
        TestStores.execute(dir, "UPDATE accounts SET cash = '12345.67' WHERE bot_id = 'ema-btc-15m'");
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).contains("reconciliation");
            assertThat(h.engine.reconciliationDifferences()).isNotEmpty()
                    .allMatch(d -> d.startsWith("ema-btc-15m: USDT balance is 12345.67 in the ledger but "));
            h.runFor(Duration.ofDays(2));
            // halted: a whole simulated day passed and nothing traded
            assertThat(h.fills()).isEqualTo(before);
            assertThat(h.events).anyMatch(e -> e instanceof SystemEvent.ReconciliationMismatch m
                    && m.botId().equals("ema-btc-15m") && m.detail().contains("12345.67"));
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).isNotNull();  // still halted after a restart: nobody decided yet
            h.engine.acceptBrokerView();
            assertThat(h.engine.haltReason()).isNull();
            assertThat(h.engine.reconciliationDifferences()).isEmpty();
            h.runFor(Duration.ofDays(3));
            assertThat(h.fills()).hasSizeGreaterThan(before.size());
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).as("the accepted correction keeps the books balanced").isNull();
        }
    }

    /** The fills of the default fleet's first day (seed 5) with nothing in the way, to compare an interrupted one with. */
    private List<Fill> uninterruptedDay() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir.resolve("clean"), 5, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(Duration.ofDays(1))) {
            return h.fills();
        }
    }

    @Test
    @SqliteOnly("a page limit is how a test fills SQLite's disk; a server's full disk is its SQLSTATE class 53")
    void aFullDiskPausesTheBotsAndTheyResumeWithoutLosingOrDoublingATrade() throws Exception {
        List<Fill> uninterrupted = uninterruptedDay();
        try (EngineHarness h = EngineHarness.open(dir.resolve("full"), 5, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            h.runFor(Duration.ofHours(6));
            var db = h.store.database();
            db.setPageLimit(db.pageCount());
            h.engine.start(h.engine.engineStart() + Duration.ofDays(1).toMillis());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (h.engine.storeProblem() == null && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(h.engine.storeProblem()).contains("paused").contains("full");
            db.setPageLimit(1_000_000_000L);
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isNull();
            assertThat(h.engine.storeProblem()).isNull();
            assertThat(h.fills()).isEqualTo(uninterrupted);
            assertThat(h.store.orders(OrderStatus.PENDING)).isEmpty();
        }
    }

    @Test
    @PostgresOnly("a server's connections are cut; a SQLite file has none")
    void aCutServerConnectionPausesTheBotsAndTheyResumeWithoutLosingOrDoublingATrade() throws Exception {
        List<Fill> uninterrupted = uninterruptedDay();
        try (EngineHarness h = EngineHarness.open(dir.resolve("cut"), 5, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            h.runFor(Duration.ofHours(6));
            var server = (dev.flotilla.engine.store.StoreLocation.Server) h.store.database().location();
            h.engine.start(h.engine.engineStart() + Duration.ofDays(1).toMillis());
            TestServer.cutConnections(server);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (h.engine.storeProblem() == null && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(h.engine.storeProblem()).contains("paused");
            TestServer.cutConnections(server);  // again while paused: the engine's probe finds it gone once more
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isNull();
            assertThat(h.engine.storeProblem()).isNull();
            assertThat(h.fills()).isEqualTo(uninterrupted);
            assertThat(h.store.orders(OrderStatus.PENDING)).isEmpty();
        }
    }

    /**
     * atr-trx-15m is the only bot on TRX/USDT 15m. Killed after the broker filled its entry at 04:46:06 and before
     * that tick was committed, the restart books the fill and counts the tick as done; the feed must still hold the
     * candle that tick fetched, or the correlation sizer of boll-atom-1h at 05:00:08 (TRX held) reads returns one
     * candle short and sizes its entry 281.130827 instead of 279.634496.
     */
    @Test
    void aKillAfterTheBrokerFilledATickLeavesLaterEntriesSizedFromTheSameInputs() throws Exception {
        long kill = Instant.parse("2026-01-05T04:46:06Z").toEpochMilli();
        Duration run = Duration.ofHours(6);
        List<Fill> whole;
        Map<String, String> wholeSizing;
        try (EngineHarness h = EngineHarness.open(dir.resolve("whole"), 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(run)) {
            whole = h.fills();
            wholeSizing = h.store.entrySizings();
        }
        assertThat(whole).anyMatch(f -> f.botId().equals("atr-trx-15m") && f.side() == Side.BUY && f.filledAt() == kill);
        assertThat(whole).anyMatch(f -> f.botId().equals("boll-atom-1h") && f.side() == Side.BUY
                && f.filledAt() == Instant.parse("2026-01-05T05:00:08Z").toEpochMilli());
        Path crashed = dir.resolve("crashed");
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin(),
                b -> new DiesAfterFilling(b, "atr-trx-15m", kill))) {
            h.engine.start(h.engine.engineStart() + run.toMillis());
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isInstanceOf(Died.class);
            assertThat(h.store.orders(OrderStatus.PENDING)).singleElement().matches(o -> o.botId().equals("atr-trx-15m"));
        }
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin()).runFor(run)) {
            assertThat(h.store.entrySizings()).containsExactlyEntriesOf(wholeSizing);
            assertThat(h.fills()).isEqualTo(whole);
        }
    }

    /**
     * Killed with an order the broker cannot settle yet (a live order still working, the exchange not answering): the
     * start must not fail. The engine boots, its bots wait without sending anything, and once the broker answers the
     * fill is booked and the run goes on to the same trades as without the kill.
     */
    @Test
    void aStartWhileTheBrokerCannotSettleAPendingOrderWaitsForItInsteadOfFailing() throws Exception {
        long kill = Instant.parse("2026-01-05T04:46:06Z").toEpochMilli();
        Duration run = Duration.ofHours(6);
        List<Fill> whole;
        try (EngineHarness h = EngineHarness.open(dir.resolve("whole"), 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(run)) {
            whole = h.fills();
        }
        Path crashed = dir.resolve("crashed");
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin(),
                b -> new DiesAfterFilling(b, "atr-trx-15m", kill))) {
            h.engine.start(h.engine.engineStart() + run.toMillis());
            h.engine.awaitTermination();
            assertThat(h.store.orders(OrderStatus.PENDING)).singleElement().matches(o -> o.botId().equals("atr-trx-15m"));
        }
        AtomicBoolean answers = new AtomicBoolean();
        CountingBroker[] sent = new CountingBroker[1];
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin(),
                b -> sent[0] = new CountingBroker(new Unsure(b, answers)))) {
            int fills = h.fills().size();
            h.engine.start(h.engine.engineStart() + run.toMillis());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (h.engine.storeProblem() == null && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(h.engine.storeProblem()).contains("paused").contains("still working");
            Thread.sleep(200);
            assertThat(sent[0].submitted).hasValue(0);
            assertThat(h.fills()).hasSize(fills);
            answers.set(true);
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isNull();
            assertThat(h.engine.storeProblem()).isNull();
            assertThat(h.engine.haltReason()).isNull();
            assertThat(h.store.orders(OrderStatus.PENDING)).isEmpty();
            assertThat(h.fills()).isEqualTo(whole);
        }
    }

    /** A broker that cannot say what became of an order until it is told to answer. */
    private record Unsure(Broker broker, AtomicBoolean answers) implements Broker {
        @Override
        public BrokerReply submit(OrderRequest r) {
            return broker.submit(r);
        }

        @Override
        public Optional<Fill> lookup(String clientOrderId) {
            if (!answers.get()) throw new BrokerUnavailableException("order " + clientOrderId + " is still working at the broker");
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

    /**
     * boll-btc-1h and rsi-btc-1h both enter BTC/USDT at the 1h close of 2026-01-08 11:00, in one batch. Killed after
     * the broker filled boll-btc-1h's entry, the restart books that fill and cancels rsi-btc-1h's order, which never
     * reached the broker; rsi-btc-1h decides again and must be sized as before, though what it sees held of BTC is a
     * position now, not an entry approved a moment before in its own batch (1986.54 against 1986.23 when the entry
     * was valued at its decision price and the position at the last trade price).
     */
    @Test
    void anEntryDecidedAgainAfterAKillMidBatchIsSizedAsInTheBatch() throws Exception {
        long kill = Instant.parse("2026-01-08T11:00:26Z").toEpochMilli();
        Duration run = Duration.ofDays(4);
        List<Fill> whole;
        List<String> wholeSizing;
        try (EngineHarness h = EngineHarness.open(dir.resolve("whole"), 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(run)) {
            whole = h.fills();
            wholeSizing = filledEntrySizings(h);
        }
        assertThat(whole).anyMatch(f -> f.botId().equals("rsi-btc-1h") && f.side() == Side.BUY && f.filledAt() == kill);
        Path crashed = dir.resolve("crashed");
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin(),
                b -> new DiesAfterFilling(b, "boll-btc-1h", kill))) {
            h.engine.start(h.engine.engineStart() + run.toMillis());
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isInstanceOf(Died.class);
            assertThat(h.store.orders(OrderStatus.PENDING)).extracting(o -> o.botId()).contains("boll-btc-1h", "rsi-btc-1h");
        }
        try (EngineHarness h = EngineHarness.open(crashed, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin()).runFor(run)) {
            assertThat(filledEntrySizings(h)).containsExactlyElementsOf(wholeSizing);
            // the same trades; rsi-btc-1h's entry was sent again under a new order id
            assertThat(h.fills()).extracting(f -> f.botId() + " " + f.side() + " " + f.qty() + " " + f.price() + " " + f.filledAt())
                    .containsExactlyElementsOf(whole.stream().map(f -> f.botId() + " " + f.side() + " " + f.qty() + " "
                            + f.price() + " " + f.filledAt()).toList());
        }
    }

    /** The stored sizing of every filled entry, with its bot and time, in order; order ids left out. */
    private static List<String> filledEntrySizings(EngineHarness h) {
        return h.store.entrySizings().entrySet().stream()
                .map(e -> h.store.order(e.getKey()).orElseThrow())
                .filter(o -> o.status() == OrderStatus.FILLED)
                .map(o -> o.botId() + " " + o.createdAt() + " " + h.store.entrySizings().get(o.clientOrderId()))
                .toList();
    }

    /** The process dying between the broker's fill and the commit of the tick that sent the order. */
    static final class Died extends Error {
        Died() {
            super("killed after the broker filled the order");
        }
    }

    private record DiesAfterFilling(Broker broker, String botId, long at) implements Broker {
        @Override
        public BrokerReply submit(OrderRequest r) {
            BrokerReply reply = broker.submit(r);
            if (r.account().equals(botId) && r.time() == at) throw new Died();
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
