package dev.flotilla.bench;

import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.backtest.ParamRange;
import dev.flotilla.engine.backtest.Sources;
import dev.flotilla.engine.backtest.Sweep;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backtests and sweeps as the issue sets their targets: the default fleet over a year of 15m, 1h and 4h bars already in
 * the store (the sandbox's candles, written to a data folder first, not timed), and a sweep of one bot's parameter sets
 * over a year of 15m bars on two workers. Shorter periods and fewer sets are projected to the targets' size, and say so.
 */
final class BacktestSection {

    static final long FROM = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000;
    /** backtrader's own published figure: 2M candles, an SMA crossover trading, PyPy, 156 s (backtrader.com, 2019-10-25). */
    static final String BACKTRADER = "12,743 candles/s";

    private BacktestSection() {
    }

    static List<Figure> run(Path dir, List<BotSpec> fleet, int days, int sets, int sweepDays, PrintStream out) throws Exception {
        List<Figure> figures = new ArrayList<>();
        long to = FROM + days * DAY;
        Set<Feed> feeds = new TreeSet<>();
        for (BotSpec b : fleet) {
            feeds.add(b.feed());
            feeds.add(new Feed(b.symbol(), Timeframe.M15));
        }
        out.println("backtest: writing " + days + " days of the sandbox's candles for " + feeds.size() + " feeds to a data folder ...");
        long candles = 0;
        try (Store store = new Store(Database.open(dir.resolve("history")))) {
            SandboxMarket sandbox = new SandboxMarket(7, Backtest.SANDBOX_ORIGIN, () -> to);
            for (Feed f : feeds) {
                long tf = f.timeframe().millis();
                List<Candle> list = sandbox.closedCandles(f, FROM - 300 * tf, to, Integer.MAX_VALUE);
                store.write(tx -> tx.candles(f, list));
                candles += list.stream().filter(c -> c.openTime() >= FROM).count();
            }
            out.println("backtest: the default fleet, " + fleet.size() + " bots, " + days + " days from the store ...");
            long start = System.nanoTime();
            Sources.Source source = Sources.stored(store, "history", feeds, FROM, to, w -> { });
            long loaded = System.nanoTime() - start;
            BacktestResult r = Backtest.run(new Backtest.Request(fleet, FROM, to, BigDecimal.TEN, new BigDecimal("5"), Map.of()),
                    source.label(), source.market(), Backtest.Progress.NONE, () -> false);
            double wall = (System.nanoTime() - start) / 1e9;
            double perYear = wall * 365 / days;
            String area = "backtest, default fleet";
            figures.add(Figure.info(area, days + " days of 15m, 1h and 4h bars (" + fleet.size() + " bots, " + feeds.size()
                    + " feeds), history loaded from the store in " + ms(loaded), String.format("%.1f s, %d fills", wall, r.fills())));
            figures.add(Figure.target(area, days == 365 ? "one year, wall on this machine" : "one year, projected from " + days + " days",
                    String.format("%.1f s", perYear), "<= 10 s", perYear <= 10));
            figures.add(Figure.info(area, "bars through the engine per second (period's candles of all feeds / wall)",
                    String.format("%,.0f candles/s", candles / wall)));
            figures.add(Figure.info(area, "backtrader, published: 2M candles, SMA crossover trading, PyPy", BACKTRADER));
            figures.add(Figure.info(area, "Freqtrade, published", "no figure published"));

            BotSpec bot = fleet.stream().filter(b -> b.id().equals("ema-btc-15m")).findFirst().orElse(fleet.getFirst());
            long sweepTo = FROM + sweepDays * DAY;
            Map<String, ParamRange> ranges = grid(bot, sets);
            out.println("sweep: " + sets + " sets of " + bot.id() + " over " + sweepDays + " days of 15m bars on 2 workers ...");
            long s0 = System.nanoTime();
            Sources.Source sweepSource = Sources.stored(store, "history", Set.of(bot.feed()), FROM, sweepTo, w -> { });
            Sweep.Outcome o = new Sweep(StrategyRegistry.builtin(), sweepSource.label(), sweepSource.market()).run(bot,
                    ranges, FROM, sweepTo, BigDecimal.TEN, new BigDecimal("5"), Map.of(), 2, Sweep.Rank.SHARPE, 0,
                    Sweep.Progress.NONE, () -> false);
            double sweepWall = (System.nanoTime() - s0) / 1e9;
            double thousand = sweepWall / o.runs() * 1000 * 365 / sweepDays;
            boolean measured = o.runs() == 1000 && sweepDays == 365;
            String sweepArea = "sweep, one bot";
            figures.add(Figure.info(sweepArea, o.runs() + " sets of " + bot.id() + ", " + sweepDays + " days of 15m bars, 2 workers",
                    String.format("%.1f s, %.2f s a set", sweepWall, sweepWall / o.runs())));
            figures.add(Figure.target(sweepArea, measured ? "1,000 sets over one year, wall on this machine"
                            : "1,000 sets over one year, projected", String.format("%.0f s", thousand),
                    "<= 60 s", thousand <= 60));
        }
        return figures;
    }

    /**
     * The sweep's parameter sets: up to 20 of the first parameter (fastPeriod for the EMA bots) one by one; more than
     * that, 20 fast periods (5 to 24) times {@code sets / 20} slow ones from 25, every one a set the registry accepts.
     */
    static Map<String, ParamRange> grid(BotSpec bot, int sets) {
        if (sets > 20 && bot.params().containsKey("fastPeriod") && bot.params().containsKey("slowPeriod")) {
            return Map.of("fastPeriod", ParamRange.parse("fastPeriod=5..24:1"),
                    "slowPeriod", ParamRange.parse("slowPeriod=25.." + (25 + sets / 20 - 1) + ":1"));
        }
        String first = bot.params().containsKey("fastPeriod") ? "fastPeriod" : bot.params().keySet().iterator().next();
        double low = StrategyRegistry.builtin().type(bot.strategy()).params().stream().filter(p -> p.name().equals(first))
                .findFirst().orElseThrow().min();
        return Map.of(first, ParamRange.parse(first + "=" + (long) low + ".." + ((long) low + sets - 1) + ":1"));
    }

    private static String ms(long nanos) {
        return String.format("%.0f ms", nanos / 1e6);
    }
}
