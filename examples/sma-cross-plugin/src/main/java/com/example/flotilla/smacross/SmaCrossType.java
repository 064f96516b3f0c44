package com.example.flotilla.smacross;

import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.IndicatorLine;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.ParamSpec;
import dev.flotilla.strategy.Strategy;
import dev.flotilla.strategy.StrategyType;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * An example plug-in strategy: long when the fast simple moving average of the close crosses above the slow one,
 * out when it crosses back below. Everything a plug-in needs is here: an id, parameters with their ranges, how many
 * bars it needs, its indicators for the chart, and a strategy that binds to the feed's growing series.
 */
public final class SmaCrossType implements StrategyType {

    @Override
    public String id() {
        return "sma-cross";
    }

    @Override
    public String displayName() {
        return "SMA crossover (example plug-in)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                new ParamSpec("fastPeriod", "bars of the fast moving average", 2, 100, 10, true),
                new ParamSpec("slowPeriod", "bars of the slow moving average", 3, 250, 30, true));
    }

    @Override
    public void validate(Map<String, Double> params) {
        if (params.get("fastPeriod") >= params.get("slowPeriod")) {
            throw new IllegalArgumentException("parameter 'fastPeriod' must be below 'slowPeriod'");
        }
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        return params.get("slowPeriod").intValue() + 1;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        int fast = params.get("fastPeriod").intValue();
        int slow = params.get("slowPeriod").intValue();
        return series -> new Bound(series, fast, slow);
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        Bound b = new Bound(series, params.get("fastPeriod").intValue(), params.get("slowPeriod").intValue());
        int n = series.getEndIndex() + 1;
        double[] fast = new double[n];
        double[] slow = new double[n];
        for (int i = 0; i < n; i++) {
            fast[i] = i < series.getBeginIndex() + b.slowPeriod ? Double.NaN : b.fast.getValue(i).doubleValue();
            slow[i] = i < series.getBeginIndex() + b.slowPeriod ? Double.NaN : b.slow.getValue(i).doubleValue();
        }
        return List.of(new IndicatorLine("SMA " + b.fastPeriod, IndicatorLine.Panel.PRICE, fast),
                new IndicatorLine("SMA " + b.slowPeriod, IndicatorLine.Panel.PRICE, slow));
    }

    private static final class Bound implements BoundStrategy {
        final SMAIndicator fast;
        final SMAIndicator slow;
        final int fastPeriod;
        final int slowPeriod;
        private final BarSeries series;

        Bound(BarSeries series, int fastPeriod, int slowPeriod) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            this.series = series;
            this.fast = new SMAIndicator(close, fastPeriod);
            this.slow = new SMAIndicator(close, slowPeriod);
            this.fastPeriod = fastPeriod;
            this.slowPeriod = slowPeriod;
        }

        @Override
        public void prime(int index) {
            fast.getValue(index);
            slow.getValue(index);
        }

        @Override
        public Decision evaluate(int index, OpenPosition position) {
            if (index - 1 < series.getBeginIndex() + slowPeriod) return Decision.HOLD;
            double f0 = fast.getValue(index - 1).doubleValue();
            double s0 = slow.getValue(index - 1).doubleValue();
            double f1 = fast.getValue(index).doubleValue();
            double s1 = slow.getValue(index).doubleValue();
            if (position == null && f0 <= s0 && f1 > s1) {
                return Decision.enter(String.format("SMA %d crossed above SMA %d", fastPeriod, slowPeriod));
            }
            if (position != null && f0 >= s0 && f1 < s1) {
                return Decision.exit(String.format("SMA %d crossed below SMA %d", fastPeriod, slowPeriod));
            }
            return Decision.HOLD;
        }
    }
}
