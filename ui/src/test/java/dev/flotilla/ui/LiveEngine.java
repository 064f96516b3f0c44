package dev.flotilla.ui;

import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.fleet.FleetFile;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A real engine with the default fleet on the sandbox, in a temporary folder, for the console's tests. */
final class LiveEngine implements AutoCloseable {

    static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    final Store store;
    final Engine engine;

    LiveEngine(Path dir, double speed) throws Exception {
        this(dir, speed, "SANDBOX x" + EngineConfig.defaults().withSpeed(speed).speedLabel());
    }

    /** @param mode what the mode badge shows ("LIVE on Binance testnet" to see a live fleet's console) */
    LiveEngine(Path dir, double speed, String mode) throws Exception {
        store = new Store(Database.open(dir));
        String json = Files.readString(Path.of("..", "resources", "fleet.json"), StandardCharsets.UTF_8);
        FleetSeeder.seedIfEmpty(store, new FleetFile(StrategyRegistry.builtin(), SandboxMarket.DEFAULT_SYMBOLS).parse(json), START);
        var handle = new Object() {
            volatile EngineClock clock;
        };
        SandboxMarket market = new SandboxMarket(7, START - Duration.ofDays(60).toMillis(),
                () -> handle.clock == null ? START : handle.clock.now());
        engine = new Engine(store, market, new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")),
                StrategyRegistry.builtin(), EngineConfig.defaults().withSpeed(speed),
                mode, new EventBus());
        engine.boot(START, START);
        handle.clock = engine.clock();
    }

    /** Runs engine time forward by {@code d} at the engine's speed and waits for it. */
    LiveEngine runFor(Duration d) throws InterruptedException {
        engine.start(engine.clock().now() + d.toMillis());
        engine.awaitTermination();
        return this;
    }

    /** Runs until closed. */
    LiveEngine start() {
        engine.start(null);
        return this;
    }

    @Override
    public void close() throws Exception {
        engine.shutdown();
        engine.events().close();
        store.close();
    }
}
