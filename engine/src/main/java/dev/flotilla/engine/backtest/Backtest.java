package dev.flotilla.engine.backtest;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One backtest: the {@link Engine} itself, as paper trading runs it (the same strategies, risk gateway, pipeline, paper
 * broker and simulated clock), over a period of history as fast as the machine allows. Its books are a scratch store in
 * memory, seeded with the fleet at the start of the period; the data folder's risk limits are copied in, so limits apply
 * as they do live. Nothing of the trader's own books is read or written.
 */
public final class Backtest {

    /** Marks and stop checks come once a 15-minute bar has closed, not from a 10 s price loop. */
    static final long MARK_INTERVAL_MS = 900_000;
    static final long SNAPSHOT_INTERVAL_MS = 3_600_000;
    private static final AtomicLong RUNS = new AtomicLong();

    /**
     * Where the sandbox's invented history begins for backtests: one fixed origin, so a seed is one history and runs over
     * overlapping periods see the same prices. A backtest must start far enough after it for the strategies' window.
     */
    public static final long SANDBOX_ORIGIN = java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** The earliest start a sandbox backtest can have: the origin plus the window of the slowest timeframe. */
    public static long earliestSandboxStart() {
        return SANDBOX_ORIGIN + EngineConfig.defaults().window() * dev.flotilla.engine.model.Timeframe.H4.millis();
    }

    /**
     * @param fleet       the bots to run
     * @param from        start of the period (engine time)
     * @param to          end of the period; candles closing at it are the last traded
     * @param feeBps      paper taker fee, basis points
     * @param slippageBps paper slippage, basis points
     * @param limits      stored risk limits to apply (scope to name to value), as {@link RiskStore#limits()} gives them
     */
    public record Request(List<BotSpec> fleet, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
                          Map<String, Map<String, String>> limits, StrategyRegistry registry) {

        /** A run of the built-in strategies only. */
        public Request(List<BotSpec> fleet, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
                       Map<String, Map<String, String>> limits) {
            this(fleet, from, to, feeBps, slippageBps, limits, StrategyRegistry.builtin());
        }

        /** The same run with the strategies of {@code other} (the engine's, plug-ins included). */
        public Request using(StrategyRegistry other) {
            return new Request(fleet, from, to, feeBps, slippageBps, limits, other);
        }

        public Request {
            fleet = List.copyOf(fleet);
            limits = Map.copyOf(limits);
            if (fleet.isEmpty()) throw new IllegalArgumentException("a backtest needs at least one bot");
            if (to <= from) throw new IllegalArgumentException("the period must end after it starts");
            if (feeBps.signum() < 0 || slippageBps.signum() < 0) throw new IllegalArgumentException("fee and slippage must not be negative");
        }

        public EngineConfig config() {
            EngineConfig d = EngineConfig.defaults();
            return new EngineConfig(EngineConfig.MAX_SPEED, 0, MARK_INTERVAL_MS, SNAPSHOT_INTERVAL_MS, d.window(),
                    d.positionFraction(), d.stopLoss(), slippageBps, feeBps.movePointLeft(4));
        }
    }

    /** Told the engine time reached, now and then, on the caller's thread. */
    public interface Progress {
        Progress NONE = t -> { };

        void at(long engineTime);
    }

    /** The run was stopped before the end of its period. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException(long reached) {
            super("the backtest was cancelled at " + java.time.Instant.ofEpochMilli(reached));
        }
    }

    private Backtest() {
    }

    /**
     * Runs the request on the market the factory makes (given the engine's clock, which it must not run ahead of).
     *
     * @param marketLabel what the market is, for the report and the stored run ("sandbox seed 7", "history")
     * @param cancelled polled while the run goes on; once true the engine stops and {@link CancelledException} is thrown
     */
    public static BacktestResult run(Request request, String marketLabel, Function<EngineClock, MarketData> marketOn,
                                     Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        long wallStart = System.nanoTime();
        EngineConfig config = request.config();
        Set<String> ids = request.fleet().stream().map(BotSpec::id).collect(Collectors.toSet());
        try (Store store = new Store(Database.inMemory("backtest" + RUNS.incrementAndGet()))) {
            store.write(tx -> {
                FleetSeeder.seed(tx, request.fleet(), request.from());
                request.limits().forEach((scope, values) -> {
                    if (scope.equals(RiskState.FLEET) || ids.contains(scope)) RiskStore.limits(tx, scope, values);
                });
            });
            var handle = new Object() {
                volatile EngineClock clock;
            };
            long from = request.from();
            MarketData market = marketOn.apply(() -> handle.clock == null ? from : handle.clock.now());
            EventBus bus = new EventBus();
            Engine engine = new Engine(store, market, new PaperBroker(store, config.slippageBps(), config.feeRate()),
                    request.registry(), config, "BACKTEST", bus);
            engine.logEventsTo(dev.flotilla.engine.loop.EventLog.BACKTEST);
            try {
                engine.boot(from, from);
                handle.clock = engine.clock();
                long end = request.to() + 1;  // the instant of the period's end is run: its closes trade, its equity is taken
                engine.start(end);
                while (!engine.awaitTermination(100)) {
                    if (cancelled.getAsBoolean()) {
                        engine.shutdown();
                        throw new CancelledException(engine.clock().now());
                    }
                    progress.at(engine.clock().now());
                }
                if (engine.failure() != null) throw new IllegalStateException("the backtest's engine failed: "
                        + engine.failure().getMessage(), engine.failure());
                progress.at(engine.clock().now());
            } finally {
                engine.shutdown();
                bus.close();
            }
            return collect(request, marketLabel, store, market, System.nanoTime() - wallStart);
        }
    }

    private static BacktestResult collect(Request request, String marketLabel, Store store, MarketData market, long wallNanos) {
        List<Fill> fills = store.fills();
        List<ClosedTrade> trades = store.closedTrades();
        Map<String, List<Performance.Trade>> byBot = new LinkedHashMap<>();
        List<Performance.Trade> all = new ArrayList<>();
        for (ClosedTrade t : trades) {
            Performance.Trade p = new Performance.Trade(t.openedAt(), t.closedAt(), t.netPnl().doubleValue(), t.fees().doubleValue());
            byBot.computeIfAbsent(t.botId(), k -> new ArrayList<>()).add(p);
            all.add(p);
        }
        Map<Symbol, Double> buyHold = new LinkedHashMap<>();
        List<RunFigures> rows = new ArrayList<>();
        Map<String, EquityCurve> curves = new LinkedHashMap<>();
        double capital = 0;
        double weightedHold = 0;
        long from = request.from();
        long to = request.to();
        for (BotSpec bot : request.fleet()) {
            EquityCurve curve = curve(store, bot.id());
            curves.put(bot.id(), curve);
            double hold = buyHold.computeIfAbsent(bot.symbol(), s -> buyAndHold(market, bot.feed(), from, to));
            double cap = bot.capital().doubleValue();
            capital += cap;
            weightedHold += cap * hold;
            rows.add(new RunFigures(bot.id(), bot.strategy(), bot.symbol().toString(), bot.timeframe().label(), bot.params(), cap,
                    curve.last(cap), Performance.of(curve.times(), curve.equity(), byBot.getOrDefault(bot.id(), List.of()), from, to),
                    hold));
        }
        // the fleet's snapshot is the sum of its bots': with one bot, that bot's own curve, not read a second time
        EquityCurve fleetCurve = request.fleet().size() == 1 ? curves.get(request.fleet().getFirst().id())
                : curve(store, RunFigures.FLEET);
        curves.put(RunFigures.FLEET, fleetCurve);
        RunFigures fleet = new RunFigures(RunFigures.FLEET, "", "", "", Map.of(), capital, fleetCurve.last(capital),
                Performance.of(fleetCurve.times(), fleetCurve.equity(), all, from, to), weightedHold / capital);
        return new BacktestResult(request, marketLabel, rows, fleet, fills, digest(fills), curves, trades, wallNanos);
    }

    private static EquityCurve curve(Store store, String botId) {
        return store.history().equityCurve(botId);
    }

    /** The symbol's own return over the period: bought at the first bar's open, sold at the last bar's close. */
    static double buyAndHold(MarketData market, Feed feed, long from, long to) {
        long tf = feed.timeframe().millis();
        List<Candle> first = market.closedCandles(feed, from, to, 1);
        List<Candle> last = market.closedCandles(feed, Math.max(from, to - tf), to, 1);
        if (first.isEmpty() || last.isEmpty()) return Double.NaN;
        return last.getFirst().close() / first.getFirst().open() - 1;
    }

    /**
     * SHA-256 of every fill in order (order id, bot, symbol, side, quantity, price, fee, time): two runs that traded
     * alike print the same digest, and any difference in any fill changes it.
     */
    static String digest(List<Fill> fills) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Fill f : fills) {
                String line = String.join("|", f.clientOrderId(), f.botId(), f.symbol().toString(), f.side().name(),
                        plain(f.qty()), plain(f.price()), plain(f.fee()), Long.toString(f.filledAt())) + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal d) {
        return d.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }
}
