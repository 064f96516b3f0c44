package dev.flotilla.engine.store;

import java.math.BigDecimal;

/** Exact decimals are stored as plain text so SQLite never rounds them through a double. */
final class Num {
    private Num() {
    }

    static String str(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
