package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.engine.strategy.PricePath;

/** Shared hand-built paths. */
final class Paths {

    /** Where {@link #valley()} turns up, and where it turns down again. */
    static final int VALLEY_LOW = 61;
    static final int VALLEY_TOP = 81;

    private Paths() {
    }

    /**
     * A flat range (bars 0..40), a choppy decline to bar 60, a choppy rise to bar 80, a choppy decline to
     * bar 100. Each leg moves 0.8 and pulls back 0.4, so RSI stays away from its extremes.
     */
    static PricePath valley() {
        var path = PricePath.startAt(100).zigzag(40, 0.4);
        leg(path, -0.8);
        leg(path, 0.8);
        leg(path, -0.8);
        return path;
    }

    private static void leg(PricePath path, double move) {
        for (int i = 0; i < 10; i++) path.then(path.last() + move, path.last() + move / 2);
    }
}
