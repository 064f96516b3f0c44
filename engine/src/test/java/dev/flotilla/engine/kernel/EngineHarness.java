package dev.flotilla.engine.kernel;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A real engine on a real store in a temporary folder, trading the sandbox at maximum speed: the same parts
 * the app wires, with a fixed start so runs are comparable.
 */
final class EngineHarness implements AutoCloseable {

    static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    static final long ORIGIN = START - Duration.ofDays(60).toMillis();

    final Store store;
    final SandboxMarket market;
    final Engine engine;
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    private EngineHarness(Store store, SandboxMarket market, Engine engine) {
        this.store = store;
        this.market = market;
        this.engine = engine;
    }

    static EngineHarness open(Path dir, long seed, List<BotSpec> fleet, StrategyRegistry registry) {
        return open(dir, seed, fleet, registry, UnaryOperator.identity());
    }

    /** @param wrap puts something between the engine and the paper broker, e.g. to count what reaches it */
    static EngineHarness open(Path dir, long seed, List<BotSpec> fleet, StrategyRegistry registry, UnaryOperator<Broker> wrap) {
        return open(dir, seed, fleet, registry, wrap, engine -> { });
    }

    /** @param beforeBoot what the app does between making the engine and booting it (opening the plug-in folder) */
    static EngineHarness open(Path dir, long seed, List<BotSpec> fleet, StrategyRegistry registry, UnaryOperator<Broker> wrap,
                              java.util.function.Consumer<Engine> beforeBoot) {
        Store store = new Store(TestStores.open(dir));
        FleetSeeder.seedIfEmpty(store, fleet, START);
        var clock = new Object() {
            volatile EngineClock target;
        };
        SandboxMarket market = new SandboxMarket(seed, ORIGIN, () -> clock.target == null ? START : clock.target.now());
        PaperBroker broker = new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001"));
        EventBus bus = new EventBus();
        Engine engine = new Engine(store, market, wrap.apply(broker), registry, EngineConfig.defaults().withSpeed(EngineConfig.MAX_SPEED),
                "SANDBOX xmax", bus);
        EngineHarness h = new EngineHarness(store, market, engine);
        bus.subscribe("test", 1_000_000, h.events::add);
        beforeBoot.accept(engine);
        engine.boot(START, START);
        clock.target = engine.clock();
        return h;
    }

    /** Runs until engine time reaches the data folder's start plus {@code d}. */
    EngineHarness runFor(Duration d) throws InterruptedException {
        engine.start(engine.engineStart() + d.toMillis());
        engine.awaitTermination();
        if (engine.failure() != null) throw new AssertionError("engine failed", engine.failure());
        return this;
    }

    List<Fill> fills() {
        return store.fills();
    }

    @Override
    public void close() {
        engine.events().close();
        store.close();
    }
}
