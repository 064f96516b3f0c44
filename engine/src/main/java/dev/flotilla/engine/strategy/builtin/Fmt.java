package dev.flotilla.engine.strategy.builtin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers in decision reasons: locale-independent, so the same bars give byte-identical log lines. */
final class Fmt {

    private static final MathContext PRICE_DIGITS = new MathContext(6);

    private Fmt() {
    }

    static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Six significant digits: enough for BTC at 60,000 and for a coin at 0.0001. */
    static String price(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new BigDecimal(v).round(PRICE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Indicator levels such as RSI: one decimal. */
    static String level(double v) {
        return text("%.1f", v);
    }

    /** Parameter values: whole numbers without a decimal point. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
