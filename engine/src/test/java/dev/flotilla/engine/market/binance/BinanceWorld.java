package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.boot.Backfill;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole app as the launcher wires it for Binance data, against a {@link FakeBinance} and on a
 * {@link VirtualClock}: the default fleet of 45 bots on 39 feeds in a real store, backfilled, then an engine that
 * follows Binance's clock. Engine time jumps from event to event, so hours run in seconds.
 */
final class BinanceWorld implements AutoCloseable {

    static final long ORIGIN = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();

    final Path dir;
    final VirtualClock local;
    final AtomicLong skew = new AtomicLong();
    final FakeBinance fake;
    final List<String> progress = new CopyOnWriteArrayList<>();
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch flushed;
    Store store;
    BinanceMarket market;
    Engine engine;
    Backfill.Result backfill;
    int requestsBeforeEngine;

    /** A world whose computer clock starts at {@code localStart} and whose Binance runs {@code skewMs} ahead of it. */
    BinanceWorld(Path dir, long localStart, long skewMs) throws Exception {
        this.dir = dir;
        this.local = new VirtualClock(localStart);
        this.skew.set(skewMs);
        this.fake = new FakeBinance(() -> local.now() + skew.get(), 7, ORIGIN);
    }

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** What the launcher does for --market binance: open the store, measure, seed, backfill, boot. */
    BinanceWorld start() throws Exception {
        store = new Store(TestStores.open(dir));
        market = new BinanceMarket(BinanceConfig.defaults(fake.url()).withTimeouts(2_000, 1_000), local);
        market.start(SandboxMarket.DEFAULT_SYMBOLS);
        long now = market.clock().now();
        long start = Math.floorDiv(now, 60_000) * 60_000;
        FleetSeeder.seedIfEmpty(store, FleetFileTest.defaultFleet(), start);
        backfill = Backfill.run(store, market, Backfill.feeds(store), market.clock(), 300, BinanceMarket.PAGE, progress::add);
        EventBus bus = new EventBus();
        bus.subscribe("test", 1_000_000, e -> {
            if (e instanceof SystemEvent.ReconciliationMismatch m && "flush".equals(m.botId())) flushed.countDown();
            else events.add(e);
        });
        engine = new Engine(store, market, new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")),
                StrategyRegistry.builtin(), EngineConfig.defaults().withSpeed(1), "PAPER on Binance data", bus);
        engine.follow(market.clock());
        engine.boot(start, market.clock().now());
        requestsBeforeEngine = fake.requests().size();
        return this;
    }

    /** Runs the engine until engine (Binance) time {@code end}, then waits for every event to be delivered. */
    BinanceWorld runUntil(long end) throws Exception {
        engine.start(end);
        engine.awaitTermination();
        if (engine.failure() != null) throw new AssertionError("engine failed", engine.failure());
        flushed = new CountDownLatch(1);
        engine.events().publish(new SystemEvent.ReconciliationMismatch(0, "flush", "flush"));
        if (!flushed.await(30, TimeUnit.SECONDS)) throw new AssertionError("events were not delivered");
        return this;
    }

    /** Stops the app as a user would: engine and store closed; the fake and the clocks go on. */
    void stop() {
        if (engine != null) engine.events().close();
        if (store != null) store.close();
        engine = null;
        store = null;
    }

    List<FakeBinance.Request> engineRequests() {
        List<FakeBinance.Request> all = fake.requests();
        return all.subList(requestsBeforeEngine, all.size());
    }

    /** Klines requests that ask for the candles up to close {@code close}. */
    List<FakeBinance.Request> klinesFor(long close) {
        return fake.klines().stream().filter(r -> Long.toString(close - 1).equals(r.query().get("endTime"))).toList();
    }

    List<Candle> stored(Feed feed, long closedBy) {
        return store.candles(feed, closedBy, 1_000_000);
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    List<Feed> feeds() {
        return new ArrayList<>(Backfill.feeds(store));
    }

    @Override
    public void close() {
        stop();
        fake.close();
    }
}
