package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.boot.Backfill;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

/**
 * The wiring for {@code --market binance}: paper trading on Binance's public market data. Binance's clock is
 * measured and its limits read, the fleet is created at Binance's time, the candles missing since the last stop
 * are backfilled (progress on the command line), and the engine follows Binance's clock in real time.
 */
final class BinanceLaunch {

    private final Settings settings;
    private final Store store;
    private final PrintStream out;

    BinanceLaunch(Settings settings, Store store, PrintStream out) {
        this.settings = settings;
        this.store = store;
        this.out = out;
    }

    Engine engine(StrategyRegistry registry, List<BotSpec> fleet) throws InterruptedException {
        return engine(registry, fleet, null);
    }

    /** @param live the keys of a live start, or null for paper trading on Binance's data */
    Engine engine(StrategyRegistry registry, List<BotSpec> fleet, dev.flotilla.engine.secrets.ApiKeys live)
            throws InterruptedException {
        MarketChoice choice = settings.market();
        BinanceMarket market = new BinanceMarket(BinanceConfig.defaults(choice.binanceUrl()), WallClock.system());
        TreeSet<Symbol> symbols = new TreeSet<>();
        fleet.forEach(b -> symbols.add(b.symbol()));
        market.start(symbols);
        out.println("Binance market data from " + choice.binanceUrl() + ": " + market.status().detail()
                + "; request weight budget " + market.weightBudget() + " of " + market.weightLimit() + " a minute");
        long now = market.clock().now();
        long start = store.setting(EngineSettings.ENGINE_START).map(Long::parseLong).orElse(Math.floorDiv(now, 60_000L) * 60_000L);
        boolean fresh = store.bots().isEmpty();
        dev.flotilla.engine.execution.Broker liveBroker = live == null ? null
                : LiveStart.broker(market, live, store, fleet, fresh, out);
        // a new folder's start and fleet are written together, so a stop in between leaves nothing half-made; a new
        // live folder is marked live and starts with the kill switch on: the operator releases it
        store.write(tx -> {
            tx.setting(EngineSettings.ENGINE_START, Long.toString(start));
            if (fresh) FleetSeeder.seed(tx, fleet, start);
            if (fresh && live != null) tx.setting(EngineSettings.LIVE, "true");
            if (live != null && settings.keepOutside() != null) tx.setting(EngineSettings.LIVE_OUTSIDE, settings.keepOutside());
        });
        if (!fresh && settings.fleet() != null) {
            out.println("note: this data folder already has a fleet; " + settings.fleet() + " was not applied");
        }
        EngineConfig config = EngineConfig.defaults().withSpeed(1);
        Backfill.run(store, market, Backfill.feeds(store), market.clock(), config.window(), BinanceMarket.PAGE, out::println);
        dev.flotilla.engine.execution.Broker broker = liveBroker != null ? liveBroker
                : new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001"));
        String mode = live == null ? choice.modeLabel(config.speedLabel()) : choice.isTestnet() ? "LIVE on Binance testnet" : "LIVE on Binance";
        Engine engine = new Engine(store, market, broker, registry, config, mode, new EventBus());
        engine.follow(market.clock());
        PluginStart.open(engine, settings.dataDir(), out);
        engine.boot(start, market.clock().now());
        if (fresh && live != null) {
            engine.risk().killSwitchOn(false);
            out.println("a new live data folder starts with the kill switch ON: no order is sent until you release it"
                    + " (the console's kill switch, or --kill-switch off)");
        }
        return engine;
    }
}
