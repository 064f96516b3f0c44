package dev.flotilla.strategy;

/**
 * One named, validated parameter of a strategy type.
 *
 * @param integer whether only whole numbers are allowed (periods)
 */
public record ParamSpec(String name, String description, double min, double max, double defaultValue, boolean integer) {

    /** Null when the value is allowed, else a message naming the parameter and its range. */
    public String check(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < min || value > max
                || (integer && value != Math.rint(value))) {
            return "parameter '" + name + "' must be " + (integer ? "a whole number" : "a number")
                    + " from " + fmt(min) + " to " + fmt(max) + ", got " + fmt(value);
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
