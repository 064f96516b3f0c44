package dev.flotilla.engine.api;

import java.util.List;

/**
 * The performance views of a period: rows by bot, by strategy type and by symbol, the fleet's, and the realized PnL by
 * day, week and month (UTC), every day, week and month of the period listed.
 *
 * @param from first instant of the period
 * @param to   the instant after its last
 */
public record PerformanceReport(Period period, long from, long to, List<PerformanceRow> byBot,
                                List<PerformanceRow> byStrategy, List<PerformanceRow> bySymbol, PerformanceRow fleet,
                                List<PnlBucket> days, List<PnlBucket> weeks, List<PnlBucket> months) {

    /** What the rows are grouped by. */
    public enum By {
        BOT, STRATEGY, SYMBOL;

        /** bot, strategy or symbol, as the command line writes it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static By parse(String s) {
            for (By b : values()) if (b.label().equalsIgnoreCase(s == null ? "" : s.trim())) return b;
            throw new InvalidInputException("by", "by: '" + s + "' is not one of bot, strategy, symbol", null);
        }
    }

    /** How long a PnL bucket is. */
    public enum Span { DAY, WEEK, MONTH }

    public List<PerformanceRow> rows(By by) {
        return switch (by) {
            case BOT -> byBot;
            case STRATEGY -> byStrategy;
            case SYMBOL -> bySymbol;
        };
    }

    public List<PnlBucket> pnl(Span span) {
        return switch (span) {
            case DAY -> days;
            case WEEK -> weeks;
            case MONTH -> months;
        };
    }
}
