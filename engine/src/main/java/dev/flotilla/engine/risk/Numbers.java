package dev.flotilla.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The numbers that decided a risk event, as a small JSON object, and how they read in a message. */
final class Numbers {

    private Numbers() {
    }

    /** {@code json("value", v, "limit", l)} gives {"value":1.5,"limit":2}. Names are fixed words of this package. */
    static String json(Object... nameValue) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < nameValue.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append('"').append(nameValue[i]).append("\":");
            Object v = nameValue[i + 1];
            if (v instanceof BigDecimal d) sb.append(d.stripTrailingZeros().toPlainString());
            else if (v instanceof Number n) sb.append(n);
            else sb.append('"').append(v).append('"');
        }
        return sb.append('}').toString();
    }

    /** Money for a message: two decimals. */
    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A share for a message: 0.0312 reads "3.12%". */
    static String pct(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }
}
