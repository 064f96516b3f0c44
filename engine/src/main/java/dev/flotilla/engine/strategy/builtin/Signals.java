package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.engine.model.Signal;
import dev.flotilla.engine.strategy.Decision;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Small pieces every built-in rule uses: crossings read at the last bar, and the warm-up answer. */
final class Signals {

    private Signals() {
    }

    static double at(Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
    }

    /**
     * Whether {@code a} went from at-or-below {@code b} to above it at {@code index}. ta4j gives NaN while an
     * indicator is unstable, and every comparison with NaN is false, so no crossing is ever read from it.
     */
    static boolean crossedUp(Indicator<Num> a, Indicator<Num> b, int index) {
        return index > 0 && at(a, index - 1) <= at(b, index - 1) && at(a, index) > at(b, index);
    }

    static boolean crossedDown(Indicator<Num> a, Indicator<Num> b, int index) {
        return index > 0 && at(a, index - 1) >= at(b, index - 1) && at(a, index) < at(b, index);
    }

    static boolean warmingUp(BarSeries series, int warmup) {
        return series.getBarCount() < warmup;
    }

    static Decision waiting(BarSeries series, int warmup) {
        return new Decision(Signal.HOLD, Double.NaN,
                "warming up: " + series.getBarCount() + " of " + warmup + " bars");
    }
}
