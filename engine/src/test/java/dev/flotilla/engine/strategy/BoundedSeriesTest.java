package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.StrategyType;
import dev.flotilla.strategy.ParamSpec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.num.Num;

/**
 * A feed's series keeps {@link Bars#MAX_BARS} bars and drops older ones, and ta4j drops their cached values. Checked
 * here on ta4j 0.22.2 itself: read at every bar in order, a bounded series (ta4j's own, and the engine's ring of closed
 * bars) gives exactly what an unbounded one does, bar for bar, for every type and the recursive indicators under them.
 */
class BoundedSeriesTest {

    private static final int BARS = 20_000;
    private static final List<Candle> CANDLES = SyntheticMarket.candles(2026, BARS, 30_000, Timeframe.M15);
    private final StrategyRegistry registry = StrategyRegistry.builtin();

    @Test
    void everyTypeDecidesTheSameOnTheBoundedSeriesAsOnAnUnboundedOne() {
        for (StrategyType type : registry.types()) {
            for (Map<String, Double> params : List.of(Map.<String, Double>of(), longest(type))) {
                var strategy = registry.create(type.id(), params);
                var bounded = Replay.run(strategy, Timeframe.M15, CANDLES, Bars.MAX_BARS);
                var unbounded = Replay.run(strategy, Timeframe.M15, CANDLES, Integer.MAX_VALUE);

                assertThat(bounded.decisions()).as("%s %s", type.id(), params).isEqualTo(unbounded.decisions());
                assertThat(bounded.trades()).as("%s %s", type.id(), params).isEqualTo(unbounded.trades());
                assertThat(bounded.stops()).as("%s %s", type.id(), params).isEqualTo(unbounded.stops());
                // a comparison of runs that never trade would prove nothing
                assertThat(bounded.trades()).as("%s %s trades", type.id(), params).hasSizeGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void theRecursiveIndicatorsKeepTheirExactValuesPastTheBound() {
        Map<String, Function<BarSeries, Indicator<Num>>> indicators = new HashMap<>();
        indicators.put("EMA 200", s -> new EMAIndicator(new ClosePriceIndicator(s), 200));
        indicators.put("RSI 100", s -> new RSIIndicator(new ClosePriceIndicator(s), 100));
        indicators.put("ATR 100", s -> new ATRIndicator(s, 100));
        indicators.put("MACD signal", s -> new MACDIndicator(new ClosePriceIndicator(s), 12, 26).getSignalLine(9));
        indicators.put("BB lower 200", s -> new BollingerBandFacade(s, 200, 2).lower());
        indicators.put("250-bar high", s -> new HighestValueIndicator(new HighPriceIndicator(s), 250));
        indicators.forEach((name, make) -> {
            double[] unbounded = values(make, () -> Bars.series("v", Timeframe.M15, List.of()));
            // ta4j's own series with its own bound, as the engine first used it, and the engine's ring of closed bars
            assertThat(values(make, () -> ta4jBounded(Bars.MAX_BARS))).as(name).isEqualTo(unbounded);
            assertThat(values(make, () -> Bars.growing("v", Bars.MAX_BARS))).as(name).isEqualTo(unbounded);
        });
    }

    @Test
    void aBoundShorterThanALookBackIsCaughtByTheComparison() {
        // the test can fail: with fewer bars kept than the 250-bar channel reads, the channel changes
        var donchian = registry.create("donchian-breakout", Map.of("entryPeriod", 250.0, "exitPeriod", 250.0));
        assertThat(Replay.run(donchian, Timeframe.M15, CANDLES, 200).decisions())
                .isNotEqualTo(Replay.run(donchian, Timeframe.M15, CANDLES, Integer.MAX_VALUE).decisions());
    }

    /** The indicator's value at every bar, read as a candle close reads it: right after the bar is added. */
    private static double[] values(Function<BarSeries, Indicator<Num>> make, Supplier<BarSeries> empty) {
        BarSeries series = empty.get();
        Indicator<Num> indicator = make.apply(series);
        double[] v = new double[BARS];
        for (int i = 0; i < BARS; i++) {
            Bars.append(series, Timeframe.M15, CANDLES.get(i));
            v[i] = indicator.getValue(i).doubleValue();
        }
        return v;
    }

    private static BarSeries ta4jBounded(int maxBars) {
        BarSeries series = Bars.series("v", Timeframe.M15, List.of());
        series.setMaximumBarCount(maxBars);
        return series;
    }

    /** The longest periods each parameter allows, the faster of a pair one step under the slower. */
    private Map<String, Double> longest(StrategyType type) {
        Map<String, Double> p = new HashMap<>();
        for (ParamSpec spec : type.params()) if (spec.integer() && spec.max() > 1) p.put(spec.name(), spec.max());
        p.computeIfPresent("fastPeriod", (k, v) -> Math.min(v, p.get("slowPeriod") - 1));
        return registry.resolve(type.id(), p);
    }
}
