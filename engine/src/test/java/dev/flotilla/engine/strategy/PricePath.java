package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built closing prices for tests. Each candle opens at the previous close and has no wicks, so its
 * high and low are the larger and smaller of open and close, and every level in a test can be worked out
 * by hand.
 */
public final class PricePath {

    private final List<Double> closes = new ArrayList<>();

    private PricePath(double start) {
        closes.add(start);
    }

    public static PricePath startAt(double price) {
        return new PricePath(price);
    }

    /** The index the next appended bar will have. */
    public int next() {
        return closes.size();
    }

    public double last() {
        return closes.getLast();
    }

    public PricePath then(double... prices) {
        for (double p : prices) closes.add(p);
        return this;
    }

    /** Repeats the last close. */
    public PricePath hold(int bars) {
        double p = last();
        for (int i = 0; i < bars; i++) closes.add(p);
        return this;
    }

    /** Alternates between the last close plus {@code amplitude} and the last close. */
    public PricePath zigzag(int bars, double amplitude) {
        double base = last();
        for (int i = 0; i < bars; i++) closes.add(i % 2 == 0 ? base + amplitude : base);
        return this;
    }

    /** Moves the close by {@code step} on each bar. */
    public PricePath ramp(int bars, double step) {
        for (int i = 0; i < bars; i++) closes.add(last() + step);
        return this;
    }

    public List<Candle> candles() {
        List<Candle> candles = new ArrayList<>(closes.size());
        long time = 1_767_225_600_000L;
        for (int i = 0; i < closes.size(); i++) {
            double open = i == 0 ? closes.get(0) : closes.get(i - 1);
            double close = closes.get(i);
            candles.add(new Candle(time, open, Math.max(open, close), Math.min(open, close), close, 10));
            time += Timeframe.M15.millis();
        }
        return candles;
    }
}
