package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Candle;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The last {@code window} candles of a feed, appended one by one, handed out as lists that never change and cost
 * nothing to make: each is a view of a stretch of an array that is only ever written beyond it. When the array is
 * full, the candles held move to a new one (the lists handed out keep the old one).
 */
final class CandleWindow {

    private final int window;
    private Candle[] held;
    /** The candles held are {@code held[start..end)}. */
    private int start;
    private int end;
    /** {@link #list()} as handed out, until the next change. */
    private List<Candle> view;

    CandleWindow(int window) {
        this.window = window;
        this.held = new Candle[Math.max(16, 2 * window)];
    }

    void add(Candle c) {
        if (end == held.length) {
            int n = end - start;
            Candle[] next = new Candle[Math.max(16, 2 * Math.max(n, window))];
            System.arraycopy(held, start, next, 0, n);
            held = next;
            start = 0;
            end = n;
        }
        held[end++] = c;
        if (end - start > window) start++;
        view = null;
    }

    Candle last() {
        return end > start ? held[end - 1] : null;
    }

    boolean isEmpty() {
        return end == start;
    }

    void clear() {
        held = new Candle[held.length];
        start = 0;
        end = 0;
        view = null;
    }

    /** The candles held, oldest first: the same list until they change, and that list never changes. */
    List<Candle> list() {
        if (view == null) view = new Stretch(held, start, end);
        return view;
    }

    private static final class Stretch extends AbstractList<Candle> implements RandomAccess {
        private final Candle[] a;
        private final int from;
        private final int to;

        Stretch(Candle[] a, int from, int to) {
            this.a = a;
            this.from = from;
            this.to = to;
        }

        @Override
        public Candle get(int i) {
            if (i < 0 || i >= to - from) throw new IndexOutOfBoundsException(i);
            return a[from + i];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
