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
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * RSI mean reversion: buys when RSI climbs back up through the oversold level (the selling has stopped,
 * rather than catching it while it still falls) and sells once RSI has recovered to the exit level.
 */
public final class RsiReversionType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("rsiPeriod", "bars of the RSI; short, as reversion trades are short", 2, 100, 7),
            Params.level("oversold", "RSI level whose upward crossing is bought", 5, 50, 30),
            Params.level("exitLevel", "RSI level at or above which the position is sold (70 = overbought)", 10, 95, 50));

    @Override
    public String id() {
        return "rsi-reversion";
    }

    @Override
    public String displayName() {
        return "RSI mean reversion";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Map<String, Double> params) {
        Params.requireLess(params, "oversold", "exitLevel");
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        return Params.integer(params, "rsiPeriod") + 2;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "rsiPeriod"), Params.value(params, "oversold"),
                Params.value(params, "exitLevel"), warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        int period = Params.integer(params, "rsiPeriod");
        double oversold = Params.value(params, "oversold");
        double exit = Params.value(params, "exitLevel");
        return List.of(Lines.lower("RSI " + period, new RSIIndicator(new ClosePriceIndicator(series), period)),
                Lines.level("oversold " + Fmt.number(oversold), series, oversold),
                Lines.level("exit " + Fmt.number(exit), series, exit));
    }

    private record Rule(int period, double oversold, double exitLevel, int warmup) implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            return new Bound(this, new RSIIndicator(new ClosePriceIndicator(series), period));
        }
    }

    private record Bound(Rule r, RSIIndicator rsi) implements BoundStrategy {

        @Override
        public void prime(int index) {
            Signals.prime(index, rsi);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            double now = Signals.at(rsi, i);
            double before = Signals.at(rsi, i - 1);
            if (position == null && before <= r.oversold() && now > r.oversold()) {
                return Decision.enter(Fmt.text("RSI %d crossed up through %s (%s -> %s)",
                        r.period(), Fmt.number(r.oversold()), Fmt.level(before), Fmt.level(now)));
            }
            if (position != null && now >= r.exitLevel()) {
                return Decision.exit(Fmt.text("RSI %d reached %s (exit level %s)",
                        r.period(), Fmt.level(now), Fmt.number(r.exitLevel())));
            }
            return Decision.HOLD;
        }
    }
}
