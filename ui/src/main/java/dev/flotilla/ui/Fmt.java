package dev.flotilla.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes numbers and times: grouped thousands, two decimals for money, engine times in UTC
 * (the engine's clock is UTC; a sandbox clock is not the wall clock anyway).
 */
public final class Fmt {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }

    /** 452,310.12 */
    public static String money(BigDecimal v) {
        return v == null ? "" : format("#,##0.00").format(v);
    }

    /** +1,234.56 or -1,234.56 */
    public static String signedMoney(BigDecimal v) {
        if (v == null) return "";
        return (v.signum() > 0 ? "+" : "") + money(v);
    }

    /** 12.34% of a fraction 0.1234; small values keep a third decimal (0.004%) so they do not read as zero. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return "–";
        double pct = fraction * 100;
        return format(pct != 0 && Math.abs(pct) < 0.1 ? "0.000" : "0.00").format(pct) + "%";
    }

    public static String signedPercent(double fraction) {
        return (fraction > 0 ? "+" : "") + percent(fraction);
    }

    /** A quantity: up to 8 decimals, no trailing zeros. */
    public static String qty(BigDecimal v) {
        if (v == null) return "";
        return v.signum() == 0 ? "0" : format("#,##0.########").format(v);
    }

    /** A quantity at a glance: six significant digits (7,981.87 or 0.020348); the trades table has the exact one. */
    public static String shortQty(BigDecimal v) {
        if (v == null) return "";
        if (v.signum() == 0) return "0";
        BigDecimal r = v.round(new MathContext(6, RoundingMode.HALF_EVEN));
        return format("#,##0.##########").format(r);
    }

    /** A price with six significant digits: 43,210.5 or 0.081234. */
    public static String price(BigDecimal v) {
        if (v == null) return "";
        BigDecimal r = v.round(new MathContext(6, RoundingMode.HALF_EVEN));
        return format("#,##0.##########").format(r);
    }

    public static String price(double v) {
        return Double.isFinite(v) ? price(BigDecimal.valueOf(v)) : "";
    }

    /** 2026-01-05 13:15:00 UTC */
    public static String time(long epochMs) {
        return FULL.format(Instant.ofEpochMilli(epochMs));
    }

    /** 2026-01-05 13:15 */
    public static String minute(long epochMs) {
        return MINUTE.format(Instant.ofEpochMilli(epochMs));
    }

    /** 01-05 13:15, or empty for 0 (never) */
    public static String shortTime(long epochMs) {
        return epochMs == 0 ? "" : SHORT.format(Instant.ofEpochMilli(epochMs));
    }
}
