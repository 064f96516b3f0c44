package dev.flotilla.app;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.live.BinanceBroker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.binance.BinanceAccount;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.SymbolFilters;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.secrets.ApiKeys;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sandbox run of the app (the same engine, market, fleet and settings, so that a restart resumes it) with the
 * live broker on a local Binance instead of paper: prices and candles come from the sandbox at full speed, the orders
 * go to the Binance at {@code url}, signed with the test keys. Arguments: data folder, Binance URL, simulated days.
 * Prints one line starting {@code Flotilla:} once the engine has booted; exits 0 at the run's end, 1 on a failure.
 */
final class LiveCrashChild {

    static final String KEY = "live-crash-api-key-0123456789";
    static final String SECRET = "live-crash-secret-0123456789";
    static final long SEED = 7;
    static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    /** Read timeout of the child's Binance connection; a hang longer than this is an order without an answer. */
    static final int READ_TIMEOUT_MS = 3_000;

    private LiveCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Path.of(args[0]), args[1], Integer.parseInt(args[2])));
    }

    static int run(Path dataDir, String url, int days) throws Exception {
        Logging.init(dataDir, false);
        StrategyRegistry registry = StrategyRegistry.builtin();
        List<BotSpec> fleet = Launcher.readFleet(null, registry);
        try (Store store = new Store(Database.open(dataDir))) {
            Map<String, String> stored = store.settings();
            long start = stored.containsKey(EngineSettings.ENGINE_START) ? Long.parseLong(stored.get(EngineSettings.ENGINE_START)) : START;
            long origin = stored.containsKey(EngineSettings.SANDBOX_ORIGIN)
                    ? Long.parseLong(stored.get(EngineSettings.SANDBOX_ORIGIN)) : start - Launcher.SANDBOX_HISTORY;
            boolean fresh = store.bots().isEmpty();
            store.write(tx -> {
                tx.setting(EngineSettings.ENGINE_START, Long.toString(start));
                tx.setting(EngineSettings.SANDBOX_SEED, Long.toString(SEED));
                tx.setting(EngineSettings.SANDBOX_ORIGIN, Long.toString(origin));
                if (fresh) FleetSeeder.seed(tx, fleet, start);
            });
            // Binance only for the signed account, its filters and its clock
            TreeSet<Symbol> symbols = new TreeSet<>();
            fleet.forEach(b -> symbols.add(b.symbol()));
            BinanceMarket binance = new BinanceMarket(BinanceConfig.defaults(url).withTimeouts(2_000, READ_TIMEOUT_MS),
                    WallClock.system());
            binance.start(symbols);
            BinanceAccount account = new BinanceAccount(binance, new ApiKeys(KEY, SECRET));
            Map<Symbol, SymbolFilters> filters = account.filters(symbols);
            BinanceBroker broker = new BinanceBroker(account, store, filters, asset -> null, WallClock.system());

            EngineConfig config = EngineConfig.defaults().withSpeed(EngineConfig.MAX_SPEED);
            ClockHandle clock = new ClockHandle(start);
            SandboxMarket market = new SandboxMarket(SEED, origin, clock);
            Engine engine = new Engine(store, market, broker, registry, config, "LIVE on a local Binance, sandbox prices",
                    new EventBus());
            engine.boot(start, System.currentTimeMillis());
            clock.follow(engine.clock());
            System.out.println("Flotilla: " + engine.snapshot().bots().size() + " bots booted, live broker on " + url);
            engine.start(engine.engineStart() + Duration.ofDays(days).toMillis());
            engine.awaitTermination();
            if (engine.failure() != null) {
                System.out.println("flotilla: the engine stopped on an error: " + engine.failure());
                return Main.FAILED;
            }
            System.out.println("run ended: " + store.fills().size() + " fills");
            return Main.OK;
        }
    }
}
