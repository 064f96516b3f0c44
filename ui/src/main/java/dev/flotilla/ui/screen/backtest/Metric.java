package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.ui.Fmt;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One figure of a backtest's results as the console shows it: its column title, its value for sorting, its text. A
 * figure that does not exist (NaN: no losing trade, so no profit factor) reads "-".
 */
public enum Metric {
    RETURN("Return", f -> f.performance().totalReturn(), Metric::signedPercent),
    CAGR("CAGR", f -> f.performance().cagr(), Metric::signedPercent),
    MAX_DRAWDOWN("Max DD", f -> f.performance().maxDrawdown(), Metric::percent),
    DRAWDOWN_DAYS("DD days", f -> f.performance().maxDrawdownMs() / 86_400_000.0, v -> decimals(v, 1)),
    SHARPE("Sharpe", f -> f.performance().sharpe(), v -> decimals(v, 2)),
    SORTINO("Sortino", f -> f.performance().sortino(), v -> decimals(v, 2)),
    CALMAR("Calmar", f -> f.performance().calmar(), v -> decimals(v, 2)),
    WIN_RATE("Win rate", f -> f.performance().winRate(), Metric::percent),
    PROFIT_FACTOR("Profit f.", f -> f.performance().profitFactor(), v -> decimals(v, 2)),
    TRADES("Trades", f -> f.performance().trades(), v -> String.valueOf((long) v)),
    AVERAGE_HOLD("Avg hold", f -> f.performance().trades() == 0 ? Double.NaN : f.performance().averageHoldingMs(),
            Metric::duration),
    TIME_IN_MARKET("In market", f -> f.performance().timeInMarket(), Metric::percent),
    FEES("Fees", f -> f.performance().fees(), v -> Double.isFinite(v) ? Fmt.money(java.math.BigDecimal.valueOf(v)) : "-"),
    FINAL_EQUITY("Equity", RunFigures::finalEquity, v -> Double.isFinite(v) ? Fmt.money(java.math.BigDecimal.valueOf(v)) : "-"),
    BUY_AND_HOLD("Buy & hold", RunFigures::buyAndHold, Metric::signedPercent);

    /** The figures a sweep can rank by, as the engine names them. */
    public static final List<String> RANKS = List.of("sharpe", "calmar", "return");

    private final String title;
    private final ToDoubleFunction<RunFigures> value;
    private final java.util.function.DoubleFunction<String> format;

    Metric(String title, ToDoubleFunction<RunFigures> value, java.util.function.DoubleFunction<String> format) {
        this.title = title;
        this.value = value;
        this.format = format;
    }

    public String title() {
        return title;
    }

    public double value(RunFigures f) {
        return value.applyAsDouble(f);
    }

    public String text(RunFigures f) {
        return format(value(f));
    }

    public String format(double v) {
        return Double.isNaN(v) ? "-" : format.apply(v);
    }

    /** Whether a higher value is better (for colouring a comparison): not for drawdowns, hold time or fees. */
    public boolean higherIsBetter() {
        return switch (this) {
            case MAX_DRAWDOWN, DRAWDOWN_DAYS, FEES -> false;
            default -> true;
        };
    }

    /** The metric a sweep ranks by: sharpe, calmar or return. */
    public static Metric ofRank(String rank) {
        return switch (rank.toLowerCase(Locale.ROOT)) {
            case "calmar" -> CALMAR;
            case "return" -> RETURN;
            default -> SHARPE;
        };
    }

    static String percent(double v) {
        return Double.isFinite(v) ? Fmt.percent(v) : "-";
    }

    static String signedPercent(double v) {
        return Double.isFinite(v) ? Fmt.signedPercent(v) : "-";
    }

    static String decimals(double v, int places) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }

    /** 45 min, 5.3 h or 2.1 d. */
    static String duration(double ms) {
        if (!Double.isFinite(ms)) return "-";
        double h = ms / 3_600_000.0;
        if (h < 1) return String.format(Locale.ROOT, "%.0f min", ms / 60_000.0);
        if (h < 48) return String.format(Locale.ROOT, "%.1f h", h);
        return String.format(Locale.ROOT, "%.1f d", h / 24);
    }
}
