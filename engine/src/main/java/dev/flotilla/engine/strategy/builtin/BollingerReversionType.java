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
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.bollinger.BollingerBandFacade;
import org.ta4j.core.num.Num;

/**
 * Bollinger-band mean reversion: buys the first close back inside the lower band after a close below it
 * (a stretch that has started to snap back) and sells at a target between the middle and the upper band.
 */
public final class BollingerReversionType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("period", "bars of the moving average and standard deviation", 5, 200, 20),
            Params.level("stdDevs", "band width in standard deviations", 0.5, 4, 2),
            Params.level("exitBand", "take-profit between the middle band (0) and the upper band (1)", 0, 1, 0));

    @Override
    public String id() {
        return "bollinger-reversion";
    }

    @Override
    public String displayName() {
        return "Bollinger-band mean reversion";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        return Params.integer(params, "period") + 2;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "period"), Params.value(params, "stdDevs"),
                Params.value(params, "exitBand"), warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        int period = Params.integer(params, "period");
        var bands = new BollingerBandFacade(series, period, Params.value(params, "stdDevs"));
        String name = "BB " + period + "/" + Fmt.number(Params.value(params, "stdDevs"));
        return List.of(Lines.price(name + " upper", bands.upper()), Lines.price(name + " middle", bands.middle()),
                Lines.price(name + " lower", bands.lower()));
    }

    private record Rule(int period, double stdDevs, double exitBand, int warmup) implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            var bands = new BollingerBandFacade(series, period, stdDevs);
            return new Bound(this, series, bands.lower(), bands.middle(), bands.upper());
        }
    }

    private record Bound(Rule r, BarSeries series, Indicator<Num> lower, Indicator<Num> middle, Indicator<Num> upper)
            implements BoundStrategy {

        @Override
        public void prime(int index) {
            Signals.prime(index, lower, middle, upper);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            double close = series.getBar(i).getClosePrice().doubleValue();
            double low = Signals.at(lower, i);
            if (position == null) {
                double closeBefore = series.getBar(i - 1).getClosePrice().doubleValue();
                double lowerBefore = Signals.at(lower, i - 1);
                if (closeBefore < lowerBefore && close >= low) {
                    return Decision.enter(Fmt.text("close %s back above lower band %s after %s below %s",
                            Fmt.price(close), Fmt.price(low), Fmt.price(closeBefore), Fmt.price(lowerBefore)));
                }
                return Decision.HOLD;
            }
            double mid = Signals.at(middle, i);
            double target = mid + r.exitBand() * (Signals.at(upper, i) - mid);
            if (close >= target) {
                return Decision.exit(Fmt.text("close %s reached target %s (middle band %s)",
                        Fmt.price(close), Fmt.price(target), Fmt.price(mid)));
            }
            return Decision.HOLD;
        }
    }
}
