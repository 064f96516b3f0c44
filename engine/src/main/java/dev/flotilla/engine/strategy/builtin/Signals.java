package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.engine.model.Signal;
import dev.flotilla.engine.strategy.Decision;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Small pieces every built-in rule uses: crossings read at a bar, priming, and the warm-up answer. */
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

    /** Computes each indicator at {@code index}, so a recursive one's cache holds every bar in order. */
    static void prime(int index, Indicator<?>... indicators) {
        for (Indicator<?> indicator : indicators) indicator.getValue(index);
    }

    /**
     * Whether the bars up to {@code index} are fewer than the warm-up. A feed's series starts at its first stored
     * candle, so bar {@code index} is its {@code index + 1}-th, whatever the series has since let go of.
     */
    static boolean warmingUp(int index, int warmup) {
        return index + 1 < warmup;
    }

    static Decision waiting(int index, int warmup) {
        return new Decision(Signal.HOLD, Double.NaN,
                "warming up: " + (index + 1) + " of " + warmup + " bars");
    }
}
