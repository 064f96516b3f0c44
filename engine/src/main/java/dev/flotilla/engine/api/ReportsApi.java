package dev.flotilla.engine.api;

import java.util.Locale;

/**
 * Performance views and exports of the books, read from the store (committed data only). Every call is a query, so
 * the console calls these off its UI thread.
 */
public interface ReportsApi {

    /** What can be exported; the label names the command line's choice and the file. */
    enum Export {
        TRADES, ORDERS, POSITIONS, RISK_EVENTS, EQUITY, PERFORMANCE, PNL;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Export parse(String s) {
            for (Export e : values()) if (e.label().equalsIgnoreCase(s == null ? "" : s.trim())) return e;
            throw new InvalidInputException("export", "export: '" + s + "' is not one of trades, orders, positions, risk-events,"
                    + " equity, performance, pnl", null);
        }
    }

    /**
     * The figures of the period.
     *
     * @throws InvalidInputException when the period is not one
     */
    PerformanceReport performance(Period period);

    /** Every row of one kind in the period (open positions whatever the period), with exact values, oldest first. */
    Table export(Export what, Period period);

    /** The report as plain text for a terminal: the rows grouped by {@code by} (null: all three) and PnL by period. */
    String text(PerformanceReport report, PerformanceReport.By by);

    /** The same as Markdown. */
    String markdown(PerformanceReport report, PerformanceReport.By by);
}
