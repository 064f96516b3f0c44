package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.strategy.Signal;
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
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;

/**
 * Trend following with an ATR trailing stop: buys a new short-term closing high above the trend EMA, with a
 * stop k ATRs under the close, then trails the stop k ATRs under the highest price and sells on a trend break.
 */
public final class AtrTrendType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("trendPeriod", "bars of the trend EMA the close must be above", 5, 200, 50),
            Params.period("breakoutPeriod", "bars whose highest close a close must beat to buy", 2, 100, 10),
            Params.period("atrPeriod", "bars of the average true range", 2, 100, 14),
            Params.level("atrMultiplier", "stop distance in ATRs", 0.5, 10, 3));

    @Override
    public String id() {
        return "atr-trend";
    }

    @Override
    public String displayName() {
        return "Trend following with ATR trailing stop";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        int longest = Math.max(Params.integer(params, "trendPeriod"),
                Math.max(Params.integer(params, "breakoutPeriod"), Params.integer(params, "atrPeriod")));
        return longest + 2;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "trendPeriod"), Params.integer(params, "breakoutPeriod"),
                Params.integer(params, "atrPeriod"), Params.value(params, "atrMultiplier"), warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        int trend = Params.integer(params, "trendPeriod");
        int breakout = Params.integer(params, "breakoutPeriod");
        var close = new ClosePriceIndicator(series);
        return List.of(Lines.price("EMA " + trend, new EMAIndicator(close, trend)),
                Lines.price(breakout + "-bar closing high", new HighestValueIndicator(close, breakout)));
    }

    private record Rule(int trendPeriod, int breakoutPeriod, int atrPeriod, double k, int warmup) implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            var close = new ClosePriceIndicator(series);
            return new Bound(this, close, new EMAIndicator(close, trendPeriod), new ATRIndicator(series, atrPeriod),
                    new HighestValueIndicator(close, breakoutPeriod));
        }
    }

    private record Bound(Rule r, ClosePriceIndicator close, EMAIndicator trendEma, ATRIndicator atrs,
                         HighestValueIndicator highs) implements BoundStrategy {

        @Override
        public void prime(int index) {
            Signals.prime(index, close, trendEma, atrs, highs);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            double k = r.k();
            double last = Signals.at(close, i);
            double trend = Signals.at(trendEma, i);
            double atr = Signals.at(atrs, i);
            if (position == null) {
                double high = Signals.at(highs, i - 1);
                if (last > trend && last > high && atr > 0) {
                    double stop = last - k * atr;
                    return Decision.enter(Fmt.text("close %s above EMA %d (%s) and the %d-bar closing high %s; stop %s (%s x ATR %s)",
                            Fmt.price(last), r.trendPeriod(), Fmt.price(trend), r.breakoutPeriod(), Fmt.price(high),
                            Fmt.price(stop), Fmt.number(k), Fmt.price(atr))).withStop(stop);
                }
                return Decision.HOLD;
            }
            if (last < trend) {
                return Decision.exit(Fmt.text("close %s fell below EMA %d (%s)", Fmt.price(last), r.trendPeriod(), Fmt.price(trend)));
            }
            double highest = Math.max(position.highestPrice(), last);
            double trail = highest - k * atr;
            // never hand back a looser level than the one in force: a widening ATR must not lower the stop
            if (!Double.isNaN(position.stopPrice())) trail = Math.max(trail, position.stopPrice());
            if (last < trail) {
                return Decision.exit(Fmt.text("close %s fell below trailing stop %s", Fmt.price(last), Fmt.price(trail)));
            }
            return new Decision(Signal.HOLD, trail, Fmt.text("trailing stop %s (high %s - %s x ATR %s)",
                    Fmt.price(trail), Fmt.price(highest), Fmt.number(k), Fmt.price(atr)));
        }
    }
}
