package dev.flotilla.engine.strategy.builtin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers in decision reasons: locale-independent, so the same bars give byte-identical log lines. */
final class Fmt {

    private static final MathContext PRICE_DIGITS = new MathContext(6);

    private Fmt() {
    }

    /**
     * {@code format} with each %s or %d replaced by the next argument, as String.format with Locale.ROOT would for the
     * texts of these rules (strings and whole numbers), at a fraction of a Formatter's cost: every signal makes one.
     */
    static String text(String format, Object... args) {
        StringBuilder sb = new StringBuilder(format.length() + 16 * args.length);
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char k = format.charAt(++i);
                if (k == 's' || k == 'd') sb.append(args[next++]);
                else if (k == '%') sb.append('%');
                else throw new IllegalArgumentException("unsupported %" + k + " in \"" + format + "\"");
            } else {
                sb.append(c);
            }
        }
        if (next != args.length) throw new IllegalArgumentException(args.length + " arguments for \"" + format + "\"");
        return sb.toString();
    }

    /** Six significant digits: enough for BTC at 60,000 and for a coin at 0.0001. */
    static String price(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        // from the double's shortest decimal form, not its exact binary expansion: the same digits, a tenth of the work
        return BigDecimal.valueOf(v).round(PRICE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Indicator levels such as RSI: one decimal. */
    static String level(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();  // as %.1f, without a Formatter
    }

    /** Parameter values: whole numbers without a decimal point. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
