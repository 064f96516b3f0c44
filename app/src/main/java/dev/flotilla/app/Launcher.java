package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.fleet.FleetFile;
import dev.flotilla.engine.fleet.FleetFileException;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring: the one place that chooses the market and the broker. It checks everything it was given before
 * it touches the data folder, then opens the store, boots the engine (on the sandbox here, on Binance data in
 * {@link BinanceLaunch}) and runs it headless or in the window.
 */
final class Launcher {

    static final long DAY = Duration.ofDays(1).toMillis();
    /** The sandbox invents history this far before the first start, for the strategies' warm-up. */
    static final long SANDBOX_HISTORY = Duration.ofDays(60).toMillis();

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;
    /** Counted down once the store is closed, so a SIGTERM's shutdown hook can wait for a clean close. */
    private final java.util.concurrent.CountDownLatch storeClosed = new java.util.concurrent.CountDownLatch(1);

    Launcher(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run() {
        StrategyRegistry registry = StrategyRegistry.builtin();
        List<BotSpec> fleet = readFleet(registry);
        checkSeed();
        checkStart();
        checkMarket();
        // live needs keys before anything is touched: without them, one line and nothing changed
        dev.flotilla.engine.secrets.ApiKeys liveKeys = null;
        if (settings.live()) {
            String why = "";
            try {
                liveKeys = LiveKeys.vault().load().orElse(null);
            } catch (dev.flotilla.engine.secrets.KeyVault.KeyVaultException e) {
                why = " (" + e.getMessage() + ")";
            }
            if (liveKeys == null) {
                err.println("flotilla: --live needs Binance API keys: enter them in the console (File > Binance keys…) or set "
                        + "FLOTILLA_BINANCE_API_KEY and FLOTILLA_BINANCE_SECRET; nothing was changed" + why);
                return Main.USAGE;
            }
        }
        // one app per data folder: a second one is refused before it touches anything
        FolderLock lock;
        try {
            lock = FolderLock.tryTake(settings.dataDir()).orElse(null);
        } catch (IOException e) {
            err.println("flotilla: cannot lock the data folder " + settings.dataDir() + ": " + e.getMessage());
            return Main.FAILED;
        }
        if (lock == null) {
            err.println("flotilla: " + FolderLock.inUse(settings.dataDir()));
            return Main.FAILED;
        }
        try (lock) {
            return locked(registry, fleet, liveKeys);
        }
    }

    /** With the data folder's lock held: opens the store, boots the engine and runs it. */
    private int locked(StrategyRegistry registry, List<BotSpec> fleet, dev.flotilla.engine.secrets.ApiKeys liveKeys) {
        // everything given is valid: the window's toolkit can come up while the store opens and the engine boots
        if (!settings.headless()) ConsoleBridge.prepare();
        Logging.init(settings.dataDir(), settings.debug());
        Logger log = LoggerFactory.getLogger(Launcher.class);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("uncaught exception in thread {}", t.getName(), e));
        Store store;
        try {
            store = new Store(open(log));
        } catch (StoreException e) {
            boolean file = settings.store() instanceof dev.flotilla.engine.store.StoreLocation.Folder;
            err.println("flotilla: " + e.getMessage() + (settings.newDataFile() || !file ? ""
                    : " To keep it and start with a new data file beside it, run again with --new-data-file."));
            log.error("cannot open the store", e);
            return Main.FAILED;
        }
        try {
            MarketChoice market = settings.market();
            store.write(tx -> {
                tx.setting(EngineSettings.MARKET, market.key());
                if (market.kind() == MarketChoice.Kind.BINANCE) tx.setting(EngineSettings.BINANCE_URL, market.binanceUrl());
                if (settings.live()) tx.setting(EngineSettings.LIVE, "true");  // a live folder is live from its first write
            });
            if (market.kind() == MarketChoice.Kind.BINANCE) {
                Engine engine;
                try {
                    engine = new BinanceLaunch(settings, store, out).engine(registry, fleet, liveKeys);
                } catch (LiveStart.Refused e) {
                    err.println("flotilla: live trading refused: " + e.getMessage());
                    log.info("live start refused: {}", e.getMessage());  // printed above; the log keeps it too
                    return Main.USAGE;
                }
                applyKillSwitch(engine);
                return new Runner(settings, store, out, err, storeClosed).run(engine, "prices from " + market.binanceUrl());
            }
            long wallNow = System.currentTimeMillis();
            EngineConfig config = EngineConfig.defaults().withSpeed(settings.speed());
            long freshStart = settings.start() != null ? settings.start()
                    : config.simulated() ? Math.floorDiv(wallNow, DAY) * DAY : Math.floorDiv(wallNow, 60_000L) * 60_000L;
            Map<String, String> stored = store.settings();
            long start = stored.containsKey(EngineSettings.ENGINE_START)
                    ? Long.parseLong(stored.get(EngineSettings.ENGINE_START)) : freshStart;
            long seed = stored.containsKey(EngineSettings.SANDBOX_SEED) ? Long.parseLong(stored.get(EngineSettings.SANDBOX_SEED))
                    : settings.seed() != null ? settings.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
            long origin = stored.containsKey(EngineSettings.SANDBOX_ORIGIN)
                    ? Long.parseLong(stored.get(EngineSettings.SANDBOX_ORIGIN)) : start - SANDBOX_HISTORY;
            boolean fresh = store.bots().isEmpty();
            // a new folder's facts and fleet are written together, so a stop in between leaves nothing half-made
            store.write(tx -> {
                tx.setting(EngineSettings.ENGINE_START, Long.toString(start));
                tx.setting(EngineSettings.SANDBOX_SEED, Long.toString(seed));
                tx.setting(EngineSettings.SANDBOX_ORIGIN, Long.toString(origin));
                if (fresh) FleetSeeder.seed(tx, fleet, start);
            });
            if (!fresh && settings.fleet() != null) {
                out.println("note: this data folder already has a fleet; " + settings.fleet() + " was not applied");
            }
            Runner runner = new Runner(settings, store, out, err, storeClosed);
            Engine engine = SandboxEngine.boot(store, registry, config, settings.market().modeLabel(config.speedLabel()), seed,
                    origin, start, wallNow, settings.dataDir(), out);
            applyKillSwitch(engine);
            return runner.run(engine, "seed " + seed);
        } catch (StoreException e) {
            err.println("flotilla: " + e.getMessage());
            log.error("store failure", e);
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        } finally {
            store.close();
            storeClosed.countDown();
        }
    }

    private void applyKillSwitch(Engine engine) {
        if (settings.killSwitch() == null) return;
        // the engine is not running yet, so the switch is stored before its first decision
        if (settings.killSwitch()) engine.risk().killSwitchOn(false);
        else engine.risk().killSwitchOff();
        out.println("kill switch " + (settings.killSwitch() ? "on: the fleet is HALTED and sends no automated order"
                : "off: the fleet trades as its risk limits allow"));
    }

    /** Opens the store; with --new-data-file a damaged file is set aside under a new name, unchanged. */
    private Database open(Logger log) {
        try {
            return Database.open(settings.store());
        } catch (StoreException e) {
            if (!settings.newDataFile()) throw e;
            java.nio.file.Path kept = Database.setAside(settings.dataDir(), java.time.Instant.now());
            out.println("note: the damaged data file was kept, unchanged, as " + kept + "; starting with a new one");
            log.warn("damaged data file kept as {}; starting with a new one", kept);
            return Database.open(settings.dataDir());
        }
    }

    private List<BotSpec> readFleet(StrategyRegistry registry) {
        return readFleet(settings.fleet(), registry);
    }

    /** The bots of a fleet file, or of the built-in fleet when {@code file} is null; a bad file is a usage error. */
    static List<BotSpec> readFleet(java.nio.file.Path file, StrategyRegistry registry) {
        String json;
        String name;
        try {
            if (file != null) {
                json = Files.readString(file, StandardCharsets.UTF_8);
                name = file.toString();
            } else {
                try (InputStream in = Launcher.class.getResourceAsStream("/flotilla/fleet.json")) {
                    if (in == null) throw new IllegalStateException("the built-in fleet file is missing from the app");
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                name = "built-in fleet";
            }
        } catch (IOException e) {
            throw new UsageException("--fleet: cannot read " + file + ": " + e.getMessage());
        }
        try {
            return new FleetFile(registry, SandboxMarket.DEFAULT_SYMBOLS).parse(json);
        } catch (FleetFileException e) {
            throw new UsageException("fleet file " + name + ": " + e.getMessage());
        }
    }

    private void checkStart() {
        if (settings.start() == null) return;
        Database.peekSetting(settings.store(), EngineSettings.ENGINE_START).ifPresent(stored -> {
            if (!stored.equals(Long.toString(settings.start()))) {
                throw new UsageException("--start: this data folder started at "
                        + java.time.Instant.ofEpochMilli(Long.parseLong(stored)) + "; use another --data-dir for another start");
            }
        });
    }

    private void checkSeed() {
        if (settings.seed() == null) return;
        Database.peekSetting(settings.store(), EngineSettings.SANDBOX_SEED).ifPresent(stored -> {
            if (!stored.equals(Long.toString(settings.seed()))) {
                throw new UsageException("--seed: this data folder's sandbox was created with seed " + stored
                        + ", not " + settings.seed() + "; use that seed or another --data-dir");
            }
        });
    }

    /**
     * A data folder trades one market for good: its engine time, candles and paper accounts belong to it (a sandbox
     * folder's engine time runs ahead of the calendar). Another market gets another folder.
     */
    private void checkMarket() {
        MarketChoice wanted = settings.market();
        String kind = DataFolder.storedMarket(settings.store()).orElse(null);
        if (kind == null) return;
        if (!kind.equals(wanted.key())) {
            throw new UsageException("--market: the data folder " + settings.dataDir() + " trades the " + kind
                    + " market, not " + wanted.key() + "; use another --data-dir (each market keeps its own folder)");
        }
        if (wanted.kind() != MarketChoice.Kind.BINANCE) return;
        boolean liveFolder = "true".equals(Database.peekSetting(settings.store(), EngineSettings.LIVE).orElse(null));
        if (liveFolder && !settings.live()) {
            throw new UsageException("the data folder " + settings.dataDir() + " trades with real money: start it with --live,"
                    + " or use another --data-dir for paper trading");
        }
        if (!liveFolder && settings.live()) {
            throw new UsageException("--live: the data folder " + settings.dataDir() + " holds paper trading's books; live"
                    + " trading starts in a folder of its own (leave out --data-dir, or name a new folder)");
        }
        Database.peekSetting(settings.store(), EngineSettings.BINANCE_URL).ifPresent(url -> {
            if (!url.equals(wanted.binanceUrl())) {
                throw new UsageException("--binance-url: the data folder " + settings.dataDir() + " has its Binance data from "
                        + url + ", not " + wanted.binanceUrl() + "; use another --data-dir");
            }
        });
    }
}
