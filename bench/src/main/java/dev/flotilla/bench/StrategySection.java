package dev.flotilla.bench;

import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.Strategy;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The EMA-RSI strategy with its default parameters over the same sandbox bars, in this one run: through the engine's
 * own path (a feed's book growing its series by one candle at a time, which primes the bot's bound strategy, then the
 * bot's decision at that close), and as ta4j's own backtest, a BarSeriesManager over one series with the same rules.
 * Both fill at the signal bar's close, so their round trips must be the same. The path before (a fresh 300-bar series
 * at every close) is gone with its code; its figures are in docs/benchmarks.md.
 */
final class StrategySection {

    private static final int ROUNDS = 31;
    /** Whole runs of both before the measured ones: until then the JIT is still compiling either path. */
    private static final int WARMUP_ROUNDS = 15;

    private StrategySection() {
    }

    static List<Figure> run(int bars, java.io.PrintStream progress) {
        progress.println("strategy throughput: EMA-RSI over " + bars + " bars, the engine's path and ta4j's BarSeriesManager");
        Feed feed = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
        long origin = SandboxWorld.ORIGIN;
        List<Candle> candles = new SandboxMarket(SandboxWorld.SEED, origin, () -> Long.MAX_VALUE)
                .closedCandles(feed, origin, origin + (long) bars * feed.timeframe().millis(), bars);
        StrategyRegistry registry = StrategyRegistry.builtin();
        Map<String, Double> params = registry.resolve("ema-rsi", Map.of());
        Strategy strategy = registry.create("ema-rsi", params);
        int unstable = registry.warmupBars("ema-rsi", params) - 1;  // the engine decides once it holds the warm-up
        for (int k = 0; k < WARMUP_ROUNDS; k++) {  // the JIT's turn first, on the same bars, alternately
            engine(candles, feed, strategy);
            ta4j(Bars.series(feed.toString(), feed.timeframe(), candles), params, unstable);
        }
        long[] engineRounds = new long[ROUNDS];
        long[] ta4jRounds = new long[ROUNDS];
        double[] ratios = new double[ROUNDS];
        int engineTrips = 0;
        int ta4jTrips = 0;
        for (int k = 0; k < ROUNDS; k++) {
            // each round runs both, in turns first, so a burst of other work on the machine and the garbage one leaves
            // for the other weigh on both alike; the ratio is the median of the rounds' own ratios
            for (int turn = 0; turn < 2; turn++) {
                long t0 = System.nanoTime();
                if ((k + turn) % 2 == 0) {
                    engineTrips = engine(candles, feed, strategy);
                    engineRounds[k] = System.nanoTime() - t0;
                } else {
                    // a new series every round, converted inside the timing: no cached values carried over
                    ta4jTrips = ta4j(Bars.series(feed.toString(), feed.timeframe(), candles), params, unstable).getPositionCount();
                    ta4jRounds[k] = System.nanoTime() - t0;
                }
            }
            ratios[k] = (double) ta4jRounds[k] / engineRounds[k];
        }
        double enginePerSec = candles.size() / (median(engineRounds) / 1e9);
        double ta4jPerSec = candles.size() / (median(ta4jRounds) / 1e9);
        double ratio = median(ratios);
        String area = "strategy throughput (EMA-RSI, one core)";
        return List.of(
                Figure.info(area, "engine path: the feed's growing series, the bound strategy primed and evaluated per close ("
                        + String.format("%,d", candles.size()) + " bars, median of " + ROUNDS + " runs)", perSec(enginePerSec)),
                Figure.info(area, "ta4j BarSeriesManager on the same bars, series included, median of " + ROUNDS + " runs",
                        perSec(ta4jPerSec)),
                Figure.target(area, "ratio, engine to ta4j (median of the rounds' ratios)", String.format("%.2f : 1", ratio), ">= 1.00 : 1", ratio >= 1.0),
                Figure.target(area, "round trips, engine and ta4j", engineTrips + " and " + ta4jTrips, "equal",
                        engineTrips == ta4jTrips));
    }

    /** Every bar as a candle close handles it: appended to the feed's book, then the bot's decision; the round trips. */
    private static int engine(List<Candle> candles, Feed feed, Strategy strategy) {
        FeedBook book = new FeedBook(feed, StrategyRegistry.MAX_WINDOW, 0);
        book.bars().bind("bench", strategy);
        OpenPosition position = null;
        int trips = 0;
        for (Candle c : candles) {
            book.append(List.of(c));
            if (position != null) {
                position = new OpenPosition(position.entryPrice(), position.entryTime(),
                        Math.max(position.highestPrice(), c.close()), position.stopPrice());
            }
            Decision d = book.bars().evaluate("bench", position);
            if (position == null && d.signal() == Signal.ENTER) {
                position = new OpenPosition(c.close(), c.openTime(), c.close(), c.close() * 0.97);
            } else if (position != null && d.signal() == Signal.EXIT) {
                position = null;
                trips++;
            }
        }
        return trips;
    }

    private static TradingRecord ta4j(BarSeries series, Map<String, Double> p, int unstable) {
        var close = new ClosePriceIndicator(series);
        var fast = new EMAIndicator(close, p.get("fastPeriod").intValue());
        var slow = new EMAIndicator(close, p.get("slowPeriod").intValue());
        var rsi = new RSIIndicator(close, p.get("rsiPeriod").intValue());
        var entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(rsi, p.get("overbought")));
        var exit = new CrossedDownIndicatorRule(fast, slow).and(new OverIndicatorRule(rsi, p.get("oversold")));
        return new BarSeriesManager(series, new TradeOnCurrentCloseModel())
                .run(new BaseStrategy("ema-rsi", entry, exit, unstable));
    }

    private static double median(double[] rounds) {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long median(long[] rounds) {
        long[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String perSec(double v) {
        return String.format("%,.0f bars/s", v);
    }
}
