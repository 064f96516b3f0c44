package dev.flotilla.bench;

import java.util.Arrays;

/** Durations in nanoseconds, kept whole, for percentiles by rank (the nearest-rank method). */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** The value at quantile {@code q} (0.5, 0.99, 1.0); 0 when empty. */
    synchronized long quantile(double q) {
        if (size == 0) return 0;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    synchronized long max() {
        long m = 0;
        for (int i = 0; i < size; i++) m = Math.max(m, values[i]);
        return m;
    }

    synchronized long sum() {
        long s = 0;
        for (int i = 0; i < size; i++) s += values[i];
        return s;
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format("%.0f ms", ms) : ms >= 10 ? String.format("%.1f ms", ms) : String.format("%.2f ms", ms);
    }

    static String mb(long bytes) {
        return String.format("%,d MB", Math.round(bytes / 1024.0 / 1024.0));
    }
}
