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
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * MACD momentum: buys when MACD crosses above its signal line and sells when it crosses back below. The
 * optional zero filter only buys with MACD above zero, trading fewer but trend-aligned crossings.
 */
public final class MacdMomentumType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("fastPeriod", "bars of the fast EMA", 2, 100, 12),
            Params.period("slowPeriod", "bars of the slow EMA", 3, 200, 26),
            Params.period("signalPeriod", "bars of the signal line EMA", 2, 50, 9),
            Params.period("zeroFilter", "1 = buy only while MACD is above zero, 0 = off", 0, 1, 0));

    @Override
    public String id() {
        return "macd-momentum";
    }

    @Override
    public String displayName() {
        return "MACD momentum";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Map<String, Double> params) {
        Params.requireLess(params, "fastPeriod", "slowPeriod");
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        // the signal line is an EMA of MACD, so its unstable bars come on top of the slow EMA's
        return Params.integer(params, "slowPeriod") + Params.integer(params, "signalPeriod") + 2;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "fastPeriod"), Params.integer(params, "slowPeriod"),
                Params.integer(params, "signalPeriod"), Params.integer(params, "zeroFilter") == 1,
                warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        int fast = Params.integer(params, "fastPeriod");
        int slow = Params.integer(params, "slowPeriod");
        int signal = Params.integer(params, "signalPeriod");
        var macd = new MACDIndicator(new ClosePriceIndicator(series), fast, slow);
        return List.of(Lines.lower("MACD " + fast + "/" + slow, macd), Lines.lower("signal " + signal, macd.getSignalLine(signal)),
                Lines.level("zero", series, 0));
    }

    private record Rule(int fast, int slow, int signalPeriod, boolean zeroFilter, int warmup) implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            var macd = new MACDIndicator(new ClosePriceIndicator(series), fast, slow);
            Indicator<Num> signal = macd.getSignalLine(signalPeriod);
            return new Bound(this, macd, signal, new Crossing(macd, signal));
        }
    }

    private record Bound(Rule r, MACDIndicator macd, Indicator<Num> signal, Crossing cross) implements BoundStrategy {

        @Override
        public void prime(int index) {
            Signals.prime(index, macd, signal);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            boolean up = position == null && cross.up(i);
            boolean down = position != null && cross.down(i);
            double m = cross.a(i);
            double s = cross.b(i);
            if (up && (!r.zeroFilter() || m > 0)) {
                return Decision.enter(Fmt.text("MACD %d/%d crossed above signal %d (%s > %s)%s", r.fast(), r.slow(),
                        r.signalPeriod(), Fmt.price(m), Fmt.price(s), r.zeroFilter() ? " above zero" : ""));
            }
            if (down) {
                return Decision.exit(Fmt.text("MACD %d/%d crossed below signal %d (%s < %s)",
                        r.fast(), r.slow(), r.signalPeriod(), Fmt.price(m), Fmt.price(s)));
            }
            return Decision.HOLD;
        }
    }
}
