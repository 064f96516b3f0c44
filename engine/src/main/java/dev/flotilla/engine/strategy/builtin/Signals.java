package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.strategy.Signal;
import dev.flotilla.strategy.Decision;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Small pieces every built-in rule uses: crossings read at a bar, priming, and the warm-up answer. */
final class Signals {

    private Signals() {
    }

    static double at(Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
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
