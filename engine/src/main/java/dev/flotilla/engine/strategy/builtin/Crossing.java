package dev.flotilla.engine.strategy.builtin;

import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Where one indicator stands against another, bar after bar. A crossing compares a bar with the one before; the pair
 * read at the previous bar is kept, so a rule evaluated at every close reads two cached values per bar, not four.
 * ta4j gives NaN while an indicator is unstable, and every comparison with NaN is false, so no crossing is read from it.
 */
final class Crossing {

    private final Indicator<Num> a;
    private final Indicator<Num> b;
    private int index = Integer.MIN_VALUE;
    private double aBefore;
    private double bBefore;
    private double aNow;
    private double bNow;

    Crossing(Indicator<Num> a, Indicator<Num> b) {
        this.a = a;
        this.b = b;
    }

    private void read(int i) {
        if (i == index) return;
        if (i == index + 1) {
            aBefore = aNow;
            bBefore = bNow;
        } else {
            aBefore = i > 0 ? Signals.at(a, i - 1) : Double.NaN;
            bBefore = i > 0 ? Signals.at(b, i - 1) : Double.NaN;
        }
        aNow = Signals.at(a, i);
        bNow = Signals.at(b, i);
        index = i;
    }

    /** Whether {@code a} went from at-or-below {@code b} to above it at bar {@code i}. */
    boolean up(int i) {
        read(i);
        return i > 0 && aBefore <= bBefore && aNow > bNow;
    }

    /** Whether {@code a} went from at-or-above {@code b} to below it at bar {@code i}. */
    boolean down(int i) {
        read(i);
        return i > 0 && aBefore >= bBefore && aNow < bNow;
    }

    double a(int i) {
        read(i);
        return aNow;
    }

    double b(int i) {
        read(i);
        return bNow;
    }
}
