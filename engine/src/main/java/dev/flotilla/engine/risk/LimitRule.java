package dev.flotilla.engine.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The allowed range of one limit, and the parsing of a value typed by a person. Every refusal names the limit
 * and says what is allowed, so a dialog can show the message as it is.
 */
public record LimitRule(String name, Kind kind, BigDecimal max) {

    public enum Kind {
        /** a share: above 0, at most max */
        FRACTION,
        /** a share that 0 turns off: from 0 to max */
        FRACTION_OR_OFF,
        /** a count: a whole number from 1 to max */
        WHOLE,
        /** an amount of the quote currency: above 0, at most max */
        AMOUNT
    }

    static LimitRule fraction(String name, String max) {
        return new LimitRule(name, Kind.FRACTION, new BigDecimal(max));
    }

    static LimitRule fractionOrOff(String name, String max) {
        return new LimitRule(name, Kind.FRACTION_OR_OFF, new BigDecimal(max));
    }

    static LimitRule whole(String name, int max) {
        return new LimitRule(name, Kind.WHOLE, BigDecimal.valueOf(max));
    }

    static LimitRule amount(String name, String max) {
        return new LimitRule(name, Kind.AMOUNT, new BigDecimal(max));
    }

    /** The smallest value allowed (for a fraction or an amount, values must be above it unless 0 means off). */
    public BigDecimal min() {
        return kind == Kind.WHOLE ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** What a value is counted in, for a person: shares are shown in %, counts as a count, amounts in USDT. */
    public String unit() {
        return switch (kind) {
            case FRACTION, FRACTION_OR_OFF -> "%";
            case WHOLE -> "count";
            case AMOUNT -> "USDT";
        };
    }

    /** What a value must be, as the refusal says it, e.g. "a number above 0 and at most 0.5 (50%)". */
    public String range() {
        String pct = max.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return switch (kind) {
            case FRACTION -> "a number above 0 and at most " + max.toPlainString() + " (" + pct + ")";
            case FRACTION_OR_OFF -> "a number from 0 (off) to " + max.toPlainString() + " (" + pct + ")";
            case WHOLE -> "a whole number from 1 to " + max.toPlainString();
            case AMOUNT -> "an amount in USDT above 0 and at most " + max.toPlainString();
        };
    }

    /** The value of {@code text}, or an {@link InvalidLimitException} naming this limit and its range. */
    BigDecimal parse(String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (RuntimeException e) {
            throw new InvalidLimitException(name, name + " must be " + range() + "; got '" + text + "', which is not a number");
        }
        boolean ok = switch (kind) {
            case FRACTION, AMOUNT -> v.signum() > 0 && v.compareTo(max) <= 0;
            case FRACTION_OR_OFF -> v.signum() >= 0 && v.compareTo(max) <= 0;
            case WHOLE -> v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.ONE) >= 0 && v.compareTo(max) <= 0;
        };
        if (!ok) throw new InvalidLimitException(name, name + " must be " + range() + "; got " + text.strip());
        return plain(v);
    }

    /** Without trailing zeros, so that equal limits make equal records. */
    static BigDecimal plain(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    /**
     * The values after {@code changes}: each change is parsed by its rule ({@code more} finds rules for names
     * outside {@code rules}, or null); the first bad one throws and nothing is returned.
     */
    static Map<String, String> merge(List<LimitRule> rules, Map<String, String> current, Map<String, String> changes,
                                     Function<String, LimitRule> more) {
        Map<String, String> next = new TreeMap<>(current);
        for (var e : new TreeMap<>(changes).entrySet()) {
            LimitRule rule = rules.stream().filter(r -> r.name().equals(e.getKey())).findFirst()
                    .orElseGet(() -> more.apply(e.getKey()));
            if (rule == null) {
                throw new InvalidLimitException(e.getKey(), "there is no limit '" + e.getKey() + "'; the limits are "
                        + rules.stream().map(LimitRule::name).collect(Collectors.joining(", ")));
            }
            next.put(e.getKey(), rule.parse(String.valueOf(e.getValue())).toPlainString());
        }
        return next;
    }
}
