package dev.flotilla.app;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The engine of a sandbox data folder: the sandbox market of the folder's seed, the paper broker, booted on the store. */
final class SandboxEngine {

    private SandboxEngine() {
    }

    /**
     * Builds and boots the engine, the data folder's plug-ins opened first (what they say goes to {@code out}); it is
     * not started, so commands given to it run at once in the caller's thread.
     */
    static Engine boot(Store store, StrategyRegistry registry, EngineConfig config, String mode, long seed, long origin,
                       long start, long wallNow, java.nio.file.Path dataDir, java.io.PrintStream out) {
        // the sandbox reads the engine's own clock; it is handed over once the engine has booted
        ClockHandle clock = new ClockHandle(start);
        SandboxMarket market = new SandboxMarket(seed, origin, clock);
        PaperBroker broker = new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001"));
        Engine engine = new Engine(store, market, broker, registry, config, mode, new EventBus());
        PluginStart.open(engine, dataDir, out);
        engine.boot(start, wallNow);
        clock.follow(engine.clock());
        return engine;
    }

    /**
     * The engine of a sandbox folder that has run before, from the facts it stored, not running its loop: engine time
     * stays where the folder stopped. Empty when the folder has not started yet.
     */
    static Optional<Engine> stopped(Store store, StrategyRegistry registry, java.nio.file.Path dataDir, java.io.PrintStream out) {
        Map<String, String> s = store.settings();
        if (!s.containsKey(EngineSettings.ENGINE_START) || !s.containsKey(EngineSettings.SANDBOX_SEED)
                || !s.containsKey(EngineSettings.SANDBOX_ORIGIN) || store.bots().isEmpty()) {
            return Optional.empty();
        }
        long start = Long.parseLong(s.get(EngineSettings.ENGINE_START));
        // a simulated configuration: a stopped sandbox resumes where it stopped, whatever the wall clock says
        EngineConfig config = EngineConfig.defaults();
        return Optional.of(boot(store, registry, config, "SANDBOX", Long.parseLong(s.get(EngineSettings.SANDBOX_SEED)),
                Long.parseLong(s.get(EngineSettings.SANDBOX_ORIGIN)), start, start, dataDir, out));
    }
}
