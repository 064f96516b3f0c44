package dev.flotilla.engine.model;

/** Equity at instants, oldest first. */
public record EquityCurve(long[] times, double[] equity) {

    public EquityCurve {
        if (times.length != equity.length) throw new IllegalArgumentException("one equity value per instant");
    }

    /** The last equity, or {@code otherwise} when there is none. */
    public double last(double otherwise) {
        return equity.length == 0 ? otherwise : equity[equity.length - 1];
    }

    public int size() {
        return times.length;
    }
}
