package dev.flotilla.bench;

import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Signal;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.engine.strategy.Decision;
import dev.flotilla.engine.strategy.OpenPosition;
import dev.flotilla.engine.strategy.Strategy;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The EMA-RSI strategy with its default parameters over the same sandbox bars, in this one run: through the engine's
 * own evaluation path (for every bar a fresh series of the last 300 bars, then the strategy, as a candle close does;
 * once with each feed's bars converted once, as the engine does now, and once converting the whole window at every
 * bar, as it did before), and as ta4j's own backtest, a BarSeriesManager over one series with the same rules.
 */
final class StrategySection {

    static final int WINDOW = 300;

    private StrategySection() {
    }

    static List<Figure> run(int bars, java.io.PrintStream progress) {
        progress.println("strategy throughput: EMA-RSI over " + bars + " bars, the engine's path and ta4j's BarSeriesManager");
        Feed feed = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
        long origin = SandboxWorld.ORIGIN;
        List<Candle> candles = new SandboxMarket(SandboxWorld.SEED, origin, () -> Long.MAX_VALUE)
                .closedCandles(feed, origin, origin + (long) (bars + WINDOW) * feed.timeframe().millis(), bars + WINDOW);
        Map<String, Double> params = StrategyRegistry.builtin().resolve("ema-rsi", Map.of());
        Strategy strategy = StrategyRegistry.builtin().create("ema-rsi", params);
        List<Candle> warm = candles.subList(0, Math.min(candles.size(), WINDOW + 2_000));
        engine(warm, feed, strategy, true);  // the JIT's turn first
        engine(warm, feed, strategy, false);
        long t0 = System.nanoTime();
        int engineTrades = engine(candles, feed, strategy, true);
        long engineNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        engine(candles, feed, strategy, false);
        long beforeNanos = System.nanoTime() - t0;
        BarSeries all = Bars.series(feed.toString(), feed.timeframe(), candles);
        TradingRecord record = ta4j(all, params);
        long[] rounds = new long[15];
        for (int k = 0; k < rounds.length; k++) {
            t0 = System.nanoTime();
            ta4j(Bars.series(feed.toString(), feed.timeframe(), candles), params);  // a new series: no cached values
            rounds[k] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(rounds);
        long ta4jNanos = rounds[rounds.length / 2];
        int evaluated = candles.size() - WINDOW;
        double enginePerSec = evaluated / (engineNanos / 1e9);
        double beforePerSec = evaluated / (beforeNanos / 1e9);
        double ta4jPerSec = candles.size() / (ta4jNanos / 1e9);
        String area = "strategy throughput (EMA-RSI, one core)";
        return List.of(
                Figure.info(area, "engine path: a fresh " + WINDOW + "-bar series per bar, then the strategy ("
                        + String.format("%,d", evaluated) + " bars, " + engineTrades + " round trips)", perSec(enginePerSec)),
                Figure.info(area, "engine path as before: the whole window converted to bars again at every bar",
                        perSec(beforePerSec)),
                Figure.info(area, "ta4j BarSeriesManager on the same bars, series included, median of " + rounds.length
                        + " runs (" + record.getPositionCount() + " round trips)",
                        perSec(ta4jPerSec)),
                Figure.info(area, "ratio, ta4j to engine path", String.format("%.0f : 1", ta4jPerSec / enginePerSec)));
    }

    /** Every bar as a candle close evaluates it; returns the round trips. */
    private static int engine(List<Candle> candles, Feed feed, Strategy strategy, boolean window) {
        Bars.Window bars = new Bars.Window(feed.toString(), feed.timeframe());
        OpenPosition position = null;
        int trips = 0;
        for (int i = WINDOW; i <= candles.size(); i++) {
            List<Candle> last = candles.subList(i - WINDOW, i);
            BarSeries series = window ? bars.series(last) : Bars.series(feed.toString(), feed.timeframe(), last);
            Decision d = strategy.evaluate(series, position);
            Candle c = candles.get(i - 1);
            if (position == null && d.signal() == Signal.ENTER) {
                position = new OpenPosition(c.close(), c.openTime(), c.close(), c.close() * 0.97);
            } else if (position != null && d.signal() == Signal.EXIT) {
                position = null;
                trips++;
            }
        }
        return trips;
    }

    private static TradingRecord ta4j(BarSeries series, Map<String, Double> p) {
        var close = new ClosePriceIndicator(series);
        var fast = new EMAIndicator(close, p.get("fastPeriod").intValue());
        var slow = new EMAIndicator(close, p.get("slowPeriod").intValue());
        var rsi = new RSIIndicator(close, p.get("rsiPeriod").intValue());
        var entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(rsi, p.get("overbought")));
        var exit = new CrossedDownIndicatorRule(fast, slow).and(new OverIndicatorRule(rsi, p.get("oversold")));
        int unstable = Math.max(p.get("slowPeriod").intValue(), p.get("rsiPeriod").intValue()) + 2;
        return new BarSeriesManager(series).run(new BaseStrategy("ema-rsi", entry, exit, unstable));
    }

    private static String perSec(double v) {
        return String.format("%,.0f bars/s", v);
    }
}
