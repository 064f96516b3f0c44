package dev.flotilla.engine.query;

import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.engine.loop.EquitySnapshots;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.store.ReportReads;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The performance views of a period from the books: the trades that closed in it and the equity snapshots taken in it.
 * Win rate, profit factor, drawdown and time in market are the backtest's own figures ({@link Performance#of}); the
 * realized PnL and the fees are exact sums. A group's drawdown is that of its bots' equity added up (a bot's last
 * equity carried on between its snapshots); the fleet's is that of the fleet's own snapshots.
 */
final class PerformanceQuery {

    private final ReportReads reads;

    PerformanceQuery(ReportReads reads) {
        this.reads = reads;
    }

    PerformanceReport report(Period period, long now) {
        long[] span = reads.span();
        Period.Range range = period.range(now, span == null ? now : span[0]);
        List<ClosedTrade> trades = reads.closedTrades(range.from(), range.to());
        Map<String, Map<Long, BigDecimal>> equity = new TreeMap<>();
        for (ReportReads.Snapshot s : reads.equity(range.from(), range.to())) {
            equity.computeIfAbsent(s.botId(), k -> new TreeMap<>()).put(s.at(), s.equity());
        }
        Map<String, BotSpec> specs = reads.allBots();
        TreeSet<String> bots = new TreeSet<>(equity.keySet());
        bots.remove(EquitySnapshots.FLEET);
        trades.forEach(t -> bots.add(t.botId()));
        Function<List<String>, List<Map<Long, BigDecimal>>> ownCurves = ids -> ids.stream().filter(equity::containsKey)
                .map(equity::get).toList();
        Map<Long, BigDecimal> fleetCurve = equity.getOrDefault(EquitySnapshots.FLEET, Map.of());
        return new PerformanceReport(period, range.from(), range.to(),
                rows(bots, b -> b, trades, ownCurves, range),
                rows(bots, b -> specs.containsKey(b) ? specs.get(b).strategy() : "?", trades, ownCurves, range),
                rows(bots, b -> specs.containsKey(b) ? specs.get(b).symbol().toString() : "?", trades, ownCurves, range),
                row("fleet", bots.size(), trades, sum(List.of(fleetCurve)), range),
                buckets(trades, range, PerformanceReport.Span.DAY), buckets(trades, range, PerformanceReport.Span.WEEK),
                buckets(trades, range, PerformanceReport.Span.MONTH));
    }

    /** One row per group of bots, best realized PnL first; a group's equity is its bots' curves added up. */
    private static List<PerformanceRow> rows(TreeSet<String> bots, Function<String, String> group, List<ClosedTrade> trades,
                                             Function<List<String>, List<Map<Long, BigDecimal>>> curves, Period.Range range) {
        Map<String, List<String>> members = new TreeMap<>();
        for (String b : bots) members.computeIfAbsent(group.apply(b), k -> new ArrayList<>()).add(b);
        List<PerformanceRow> out = new ArrayList<>();
        members.forEach((key, ids) -> {
            List<ClosedTrade> own = trades.stream().filter(t -> ids.contains(t.botId())).toList();
            out.add(row(key, ids.size(), own, sum(curves.apply(ids)), range));
        });
        out.sort(Comparator.comparing(PerformanceRow::realizedPnl).reversed().thenComparing(PerformanceRow::key));
        return out;
    }

    private static PerformanceRow row(String key, int bots, List<ClosedTrade> trades, EquityCurve curve, Period.Range range) {
        List<Performance.Trade> figures = trades.stream().map(t -> new Performance.Trade(t.openedAt(), t.closedAt(),
                t.netPnl().doubleValue(), t.fees().doubleValue())).toList();
        Performance p = Performance.of(curve.times(), curve.equity(), figures, range.from(), range.to());
        BigDecimal pnl = trades.stream().map(ClosedTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = trades.stream().map(ClosedTrade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PerformanceRow(key, bots, p.trades(), p.winRate(), pnl, fees, p.profitFactor(),
                curve.size() == 0 ? Double.NaN : p.maxDrawdown(), p.timeInMarket());
    }

    /** Curves added up at every instant any of them has, each carrying its last value on until its next. */
    private static EquityCurve sum(List<Map<Long, BigDecimal>> curves) {
        TreeSet<Long> times = new TreeSet<>();
        curves.forEach(c -> times.addAll(c.keySet()));
        long[] t = new long[times.size()];
        double[] e = new double[times.size()];
        BigDecimal[] last = new BigDecimal[curves.size()];
        int i = 0;
        for (long at : times) {
            BigDecimal total = BigDecimal.ZERO;
            for (int c = 0; c < curves.size(); c++) {
                BigDecimal v = curves.get(c).get(at);
                if (v != null) last[c] = v;
                if (last[c] != null) total = total.add(last[c]);
            }
            t[i] = at;
            e[i++] = total.doubleValue();
        }
        return new EquityCurve(t, e);
    }

    /** Every day, week or month of the period with the trades that closed in it. */
    static List<PnlBucket> buckets(List<ClosedTrade> trades, Period.Range range, PerformanceReport.Span span) {
        Map<LocalDate, List<ClosedTrade>> by = new LinkedHashMap<>();
        LocalDate last = day(range.to() - 1);
        for (LocalDate d = start(day(range.from()), span); !d.isAfter(last); d = next(d, span)) by.put(d, new ArrayList<>());
        for (ClosedTrade t : trades) by.get(start(day(t.closedAt()), span)).add(t);
        List<PnlBucket> out = new ArrayList<>();
        by.forEach((d, list) -> out.add(new PnlBucket(label(d, span), d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                list.size(), list.stream().map(ClosedTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return out;
    }

    private static LocalDate day(long t) {
        return Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate start(LocalDate d, PerformanceReport.Span span) {
        return switch (span) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate d, PerformanceReport.Span span) {
        return switch (span) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1);
        };
    }

    private static String label(LocalDate d, PerformanceReport.Span span) {
        return switch (span) {
            case DAY -> d.toString();
            case WEEK -> String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> d.toString().substring(0, 7);
        };
    }
}
