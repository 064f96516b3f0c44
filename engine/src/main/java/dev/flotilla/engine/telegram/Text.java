package dev.flotilla.engine.telegram;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the bot's messages show them. */
final class Text {

    private Text() {
    }

    static String num(BigDecimal v) {
        return v == null ? "–" : v.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal v) {
        return v == null ? "–" : v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String signed(BigDecimal v) {
        if (v == null) return "–";
        return (v.signum() > 0 ? "+" : "") + money(v);
    }
}
