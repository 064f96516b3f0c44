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
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * EMA crossover with an RSI filter: buys a fresh up-cross of the fast EMA unless the market is already
 * overbought, and sells a down-cross unless it is already oversold (where selling tends to be the bottom).
 */
public final class EmaRsiType implements StrategyType {

    private static final List<ParamSpec> PARAMS = List.of(
            Params.period("fastPeriod", "bars of the fast EMA", 2, 100, 9),
            Params.period("slowPeriod", "bars of the slow EMA", 3, 200, 21),
            Params.period("rsiPeriod", "bars of the RSI", 2, 100, 14),
            Params.level("overbought", "RSI at or above which an up-cross is not bought", 50, 100, 70),
            Params.level("oversold", "RSI at or below which a down-cross is not sold", 0, 50, 30));

    @Override
    public String id() {
        return "ema-rsi";
    }

    @Override
    public String displayName() {
        return "EMA crossover with RSI filter";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Map<String, Double> params) {
        Params.requireLess(params, "fastPeriod", "slowPeriod");
        Params.requireLess(params, "oversold", "overbought");
    }

    @Override
    public int warmupBars(Map<String, Double> params) {
        // +2: a crossing compares the last bar with the one before, and both must be past the unstable bars
        return Math.max(Params.integer(params, "slowPeriod"), Params.integer(params, "rsiPeriod")) + 2;
    }

    @Override
    public Strategy create(Map<String, Double> params) {
        return new Rule(Params.integer(params, "fastPeriod"), Params.integer(params, "slowPeriod"),
                Params.integer(params, "rsiPeriod"), Params.value(params, "overbought"),
                Params.value(params, "oversold"), warmupBars(params));
    }

    @Override
    public List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        var close = new ClosePriceIndicator(series);
        int fast = Params.integer(params, "fastPeriod");
        int slow = Params.integer(params, "slowPeriod");
        int rsi = Params.integer(params, "rsiPeriod");
        return List.of(Lines.price("EMA " + fast, new EMAIndicator(close, fast)),
                Lines.price("EMA " + slow, new EMAIndicator(close, slow)),
                Lines.lower("RSI " + rsi, new RSIIndicator(close, rsi)),
                Lines.level("overbought " + Fmt.number(Params.value(params, "overbought")), series, Params.value(params, "overbought")),
                Lines.level("oversold " + Fmt.number(Params.value(params, "oversold")), series, Params.value(params, "oversold")));
    }

    private record Rule(int fast, int slow, int rsiPeriod, double overbought, double oversold, int warmup)
            implements Strategy {

        @Override
        public BoundStrategy bind(BarSeries series) {
            return new Bound(this, series);
        }
    }

    private static final class Bound implements BoundStrategy {

        private final Rule r;
        private final EMAIndicator fastEma;
        private final EMAIndicator slowEma;
        private final RSIIndicator rsi;
        private final Crossing cross;

        Bound(Rule r, BarSeries series) {
            this.r = r;
            var close = new ClosePriceIndicator(series);
            this.fastEma = new EMAIndicator(close, r.fast());
            this.slowEma = new EMAIndicator(close, r.slow());
            this.rsi = new RSIIndicator(close, r.rsiPeriod());
            this.cross = new Crossing(fastEma, slowEma);
        }

        @Override
        public void prime(int index) {
            Signals.prime(index, fastEma, slowEma, rsi);
        }

        @Override
        public Decision evaluate(int i, OpenPosition position) {
            if (Signals.warmingUp(i, r.warmup())) return Signals.waiting(i, r.warmup());
            // the RSI is read only on a crossing, as ta4j's own rules read it: its value is the same whenever it is read
            if (position == null && cross.up(i)) {
                double rsiNow = Signals.at(rsi, i);
                if (rsiNow >= r.overbought()) return Decision.HOLD;
                return Decision.enter(Fmt.text("EMA %d crossed above EMA %d (%s > %s), RSI %s", r.fast(), r.slow(),
                        Fmt.price(cross.a(i)), Fmt.price(cross.b(i)), Fmt.level(rsiNow)));
            }
            double rsiNow;
            if (position != null && cross.down(i) && (rsiNow = Signals.at(rsi, i)) > r.oversold()) {
                return Decision.exit(Fmt.text("EMA %d crossed below EMA %d (%s < %s), RSI %s", r.fast(), r.slow(),
                        Fmt.price(cross.a(i)), Fmt.price(cross.b(i)), Fmt.level(rsiNow)));
            }
            return Decision.HOLD;
        }
    }
}
