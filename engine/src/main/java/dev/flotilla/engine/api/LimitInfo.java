package dev.flotilla.engine.api;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The description of one risk limit, as the console shows it. Values are typed and stored as plain numbers: a share
 * as a fraction (0.03 is 3%), a count as a whole number, an amount in USDT.
 *
 * @param name         the key of the limit in {@link LimitSet#values()} and in a change, e.g. "stopLoss"
 * @param label        what a person calls it, e.g. "Stop-loss"
 * @param min          the lower end of the range: values must be above it, or equal to it for a count or a share that 0 turns off
 * @param unit         "%" for a share, "count" for a count, "USDT" for an amount
 * @param meaning      what the limit does, in one line
 * @param range        what the engine says is allowed when it refuses a value, e.g. "a number above 0 and at most 0.5 (50%)"
 */
public record LimitInfo(String name, String label, Kind kind, BigDecimal min, BigDecimal max, BigDecimal defaultValue,
                        String unit, String meaning, String range) {

    public enum Kind {
        /** a share above 0 */
        FRACTION,
        /** a share that 0 turns off */
        FRACTION_OR_OFF,
        /** a whole number from 1 */
        WHOLE,
        /** an amount of USDT above 0 */
        AMOUNT
    }

    public boolean share() {
        return kind == Kind.FRACTION || kind == Kind.FRACTION_OR_OFF;
    }

    /** A value as a person reads it: "3%", "off", "20" or "5,000 USDT". */
    public String show(BigDecimal value) {
        return switch (kind) {
            case FRACTION -> percent(value);
            case FRACTION_OR_OFF -> value.signum() == 0 ? "off" : percent(value);
            case WHOLE -> number(value);
            case AMOUNT -> number(value) + " USDT";
        };
    }

    /** The range in short, in the limit's unit: "above 0, at most 50%", "0 (off) to 50%", "1 to 1,000". */
    public String allowed() {
        return switch (kind) {
            case FRACTION -> "above 0, at most " + percent(max);
            case FRACTION_OR_OFF -> "0 (off) to " + percent(max);
            case WHOLE -> number(min) + " to " + number(max);
            case AMOUNT -> "above 0, at most " + number(max) + " USDT";
        };
    }

    private static String percent(BigDecimal share) {
        return number(share.movePointRight(2)) + "%";
    }

    private static String number(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }
}
