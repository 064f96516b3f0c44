package dev.flotilla.engine.strategy.builtin;

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
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;

/**
 * Donchian-channel breakout: buys a close above the highest high of the previous bars and sells a close
 * below the lowest low of a usually shorter lookback, so losers are cut sooner than winners.
 */
public final class DonchianBreakoutType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("entryPeriod", "bars whose highest high a close must beat to buy", 2, 250, 20),
            Params.period("exitPeriod", "bars whose lowest low a close must break to sell", 2, 250, 10));

    @Override
    public String id() {
        return "donchian-breakout";
    }

    @Override
    public String displayName() {
        return "Donchian-channel breakout";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        // the channel is read at the bar before the last, over full lookbacks
        return Math.max(Params.integer(params, "entryPeriod"), Params.integer(params, "exitPeriod")) + 1;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "entryPeriod"), Params.integer(params, "exitPeriod"), warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        int entry = Params.integer(params, "entryPeriod");
        int exit = Params.integer(params, "exitPeriod");
        return List.of(Lines.price(entry + "-bar high", new HighestValueIndicator(new HighPriceIndicator(series), entry)),
                Lines.price(exit + "-bar low", new LowestValueIndicator(new LowPriceIndicator(series), exit)));
    }

    private record Rule(int entryPeriod, int exitPeriod, int warmup) implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            return new Bound(this, series, new HighestValueIndicator(new HighPriceIndicator(series), entryPeriod),
                    new LowestValueIndicator(new LowPriceIndicator(series), exitPeriod));
        }
    }

    private record Bound(Rule r, BarSeries series, HighestValueIndicator highs, LowestValueIndicator lows)
            implements BoundStrategy {

        @Override
        public void prime(int index) {
            Signals.prime(index, highs, lows);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            double close = series.getBar(i).getClosePrice().doubleValue();
            if (position == null) {
                double high = Signals.at(highs, i - 1);
                return close > high
                        ? Decision.enter(Fmt.text("close %s broke above the %d-bar high %s",
                                Fmt.price(close), r.entryPeriod(), Fmt.price(high)))
                        : Decision.HOLD;
            }
            double low = Signals.at(lows, i - 1);
            return close < low
                    ? Decision.exit(Fmt.text("close %s broke below the %d-bar low %s",
                            Fmt.price(close), r.exitPeriod(), Fmt.price(low)))
                    : Decision.HOLD;
        }
    }
}
