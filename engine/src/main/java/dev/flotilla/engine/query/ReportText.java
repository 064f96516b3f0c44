package dev.flotilla.engine.query;

import static dev.flotilla.engine.api.Table.percent;
import static dev.flotilla.engine.api.Table.ratio;

import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.engine.api.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A performance report as a trader reads it: plain text for a terminal, or Markdown for notes. */
final class ReportText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("bots", "trades", "win", "realized PnL", "fees", "PF", "max DD",
            "in mkt");

    private ReportText() {
    }

    static String title(PerformanceReport r) {
        PerformanceRow f = r.fleet();
        return String.format(Locale.ROOT, "Performance %s to %s UTC (%s): %d bots, %d trades, realized PnL %s, fees %s",
                MINUTE.format(Instant.ofEpochMilli(r.from())), MINUTE.format(Instant.ofEpochMilli(r.to())), r.period(),
                f.bots(), f.trades(), signed(f.realizedPnl()), money(f.fees()));
    }

    /** The rows grouped by {@code by} with the fleet's below them. */
    static Table rows(PerformanceReport r, PerformanceReport.By by) {
        boolean bots = by != PerformanceReport.By.BOT;  // a bot's row is one bot
        List<String> headers = new ArrayList<>();
        headers.add(by.label());
        headers.addAll(bots ? HEADERS : HEADERS.subList(1, HEADERS.size()));
        List<List<String>> rows = new ArrayList<>();
        r.rows(by).forEach(row -> rows.add(row(row, bots)));
        rows.add(row(r.fleet(), bots));
        return new Table(by.label(), headers, rows);
    }

    static Table pnl(PerformanceReport r, PerformanceReport.Span span) {
        String unit = span.name().toLowerCase(Locale.ROOT);
        return new Table(unit, List.of(unit, "trades", "realized PnL"), r.pnl(span).stream()
                .map(b -> List.of(b.label(), Integer.toString(b.trades()), signed(b.pnl()))).toList());
    }

    static String text(PerformanceReport r, PerformanceReport.By by) {
        StringBuilder out = new StringBuilder(title(r)).append("\n");
        for (PerformanceReport.By b : chosen(by)) {
            out.append("\nBy ").append(b.label()).append("\n").append(rows(r, b).text(1, true));
        }
        for (PerformanceReport.Span s : PerformanceReport.Span.values()) {
            out.append("\nPnL by ").append(s.name().toLowerCase(Locale.ROOT)).append(" (UTC)\n").append(pnl(r, s).text(1, false));
        }
        return out.toString();
    }

    static String markdown(PerformanceReport r, PerformanceReport.By by) {
        StringBuilder out = new StringBuilder("# ").append(title(r)).append("\n");
        for (PerformanceReport.By b : chosen(by)) {
            out.append("\n## By ").append(b.label()).append("\n\n").append(rows(r, b).markdown(1));
        }
        for (PerformanceReport.Span s : PerformanceReport.Span.values()) {
            out.append("\n## PnL by ").append(s.name().toLowerCase(Locale.ROOT)).append(" (UTC)\n\n").append(pnl(r, s).markdown(1));
        }
        return out.toString();
    }

    private static List<PerformanceReport.By> chosen(PerformanceReport.By by) {
        return by == null ? List.of(PerformanceReport.By.values()) : List.of(by);
    }

    private static List<String> row(PerformanceRow p, boolean bots) {
        List<String> row = new ArrayList<>(List.of(p.key(), Integer.toString(p.bots()), Integer.toString(p.trades()),
                percent(p.winRate()), signed(p.realizedPnl()), money(p.fees()), ratio(p.profitFactor()),
                percent(p.maxDrawdown() == 0 ? 0 : -p.maxDrawdown()), percent(p.timeInMarket())));
        if (!bots) row.remove(1);
        return row;
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signed(BigDecimal v) {
        String s = money(v);
        return v.signum() > 0 && !s.equals("0.00") ? "+" + s : s;
    }
}
