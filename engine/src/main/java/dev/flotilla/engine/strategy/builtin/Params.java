package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.strategy.ParamSpec;
import java.util.Map;

/** Declaring and reading the parameters of the built-in types, and their shared cross-field rule. */
final class Params {

    private Params() {
    }

    static ParamSpec period(String name, String description, int min, int max, int defaultValue) {
        return new ParamSpec(name, description, min, max, defaultValue, true);
    }

    static ParamSpec level(String name, String description, double min, double max, double defaultValue) {
        return new ParamSpec(name, description, min, max, defaultValue, false);
    }

    static double value(Map<String, Double> params, String name) {
        Double v = params.get(name);
        if (v == null) {
            // only reachable when a caller skips StrategyRegistry.resolve
            throw new IllegalArgumentException("parameter '" + name + "' is missing");
        }
        return v;
    }

    static int integer(Map<String, Double> params, String name) {
        return (int) Math.round(value(params, name));
    }

    static void requireLess(Map<String, Double> params, String lower, String upper) {
        double lo = value(params, lower);
        double hi = value(params, upper);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("parameter '" + lower + "' (" + Fmt.number(lo) + ") must be less than '"
                    + upper + "' (" + Fmt.number(hi) + ")");
        }
    }
}
