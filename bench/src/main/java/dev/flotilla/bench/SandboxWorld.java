package dev.flotilla.bench;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The app's sandbox wiring (as the launcher makes it) in a folder of its own: a new store seeded with the fleet, the
 * sandbox market on the engine's clock, the paper broker, and an engine at the given speed. Every run starts on the
 * same day with the same seed, so runs of one fleet are comparable.
 */
final class SandboxWorld implements AutoCloseable {

    static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    static final long ORIGIN = START - Duration.ofDays(60).toMillis();
    static final long SEED = 7;

    final Store store;
    final SandboxMarket market;
    final Engine engine;
    final EventBus bus = new EventBus();

    SandboxWorld(Path dir, List<BotSpec> fleet, double speed) {
        this(Database.open(dir), fleet, speed);
    }

    /** The same on an open store's database (a PostgreSQL one, say), which this world closes. */
    SandboxWorld(Database database, List<BotSpec> fleet, double speed) {
        store = new Store(database);
        FleetSeeder.seedIfEmpty(store, fleet, START);
        var handle = new Object() {
            volatile EngineClock clock;
        };
        market = new SandboxMarket(SEED, ORIGIN, () -> handle.clock == null ? START : handle.clock.now());
        EngineConfig config = EngineConfig.defaults().withSpeed(speed);
        engine = new Engine(store, market, new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")),
                StrategyRegistry.builtin(), config, "SANDBOX x" + config.speedLabel(), bus);
        engine.boot(START, START);
        handle.clock = engine.clock();
    }

    /** Runs engine time up to {@code end} and waits; fails loudly if the engine failed. */
    void runUntil(long end) throws InterruptedException {
        engine.start(end);
        engine.awaitTermination();
        if (engine.failure() != null) throw new IllegalStateException("the engine failed", engine.failure());
    }

    @Override
    public void close() throws InterruptedException {
        engine.shutdown();
        bus.close();
        store.close();
    }
}
