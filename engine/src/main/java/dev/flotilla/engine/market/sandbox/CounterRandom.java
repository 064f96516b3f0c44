package dev.flotilla.engine.market.sandbox;

/**
 * Random numbers addressed by (key, index, stream) instead of drawn from a sequence, so that a minute's noise
 * does not depend on how much of the path was generated before, or in which order.
 */
final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long STREAM = 0xD1B54A32D192ED03L;

    private CounterRandom() {
    }

    /** SplitMix64's finaliser: a bijection with good avalanche, cheap enough to call per minute. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long key(long seed, String name) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return mix(seed ^ mix(h));
    }

    /** Uniform in the open interval (0, 1), so its logarithm is always finite. */
    static double uniform(long key, long index, int stream) {
        long bits = mix(mix(key + index * GOLDEN) + stream * STREAM);
        return ((bits >>> 11) + 0.5) * 0x1.0p-53;
    }

    static double uniform(long key, long index, int stream, double from, double to) {
        return from + (to - from) * uniform(key, index, stream);
    }
}
