package dev.flotilla.engine.query;

import static dev.flotilla.engine.api.Table.cell;
import static dev.flotilla.engine.api.Table.time;

import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.store.HistoryReads;
import dev.flotilla.engine.store.ReportReads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The books as tables of exact values, one row per stored row of the period: decimals as stored (plain digits), times
 * in UTC ISO-8601. The README's "Exports" section lists the columns; keep the two together.
 */
final class Exports {

    private final ReportReads reads;

    Exports(ReportReads reads) {
        this.reads = reads;
    }

    Table table(ReportsApi.Export what, long from, long to, Supplier<PerformanceReport> report) {
        String name = what.label();
        return switch (what) {
            case TRADES -> new Table(name, List.of("time", "bot_id", "symbol", "side", "qty", "price", "value", "fee",
                    "purpose", "client_order_id"), reads.fills(from, to).stream().map(Exports::fill).toList());
            case ORDERS -> new Table(name, List.of("created_at", "updated_at", "client_order_id", "bot_id", "symbol", "side",
                    "qty", "ref_price", "stop_price", "purpose", "status", "reason"),
                    reads.orders(from, to).stream().map(Exports::order).toList());
            case POSITIONS -> positions(name, from, to);
            case RISK_EVENTS -> new Table(name, List.of("time", "bot_id", "kind", "code", "order", "detail", "numbers"),
                    reads.riskEvents(from, to).stream().map(Exports::risk).toList());
            case EQUITY -> new Table(name, List.of("time", "bot_id", "equity", "cash", "unrealized_pnl"),
                    reads.equity(from, to).stream().map(s -> List.of(time(s.at()), s.botId(), cell(s.equity()),
                            cell(s.cash()), cell(s.unrealized()))).toList());
            case PERFORMANCE -> performance(name, report.get());
            case PNL -> pnl(name, report.get());
        };
    }

    private static List<String> fill(HistoryReads.PurposedFill p) {
        var f = p.fill();
        return List.of(time(f.filledAt()), f.botId(), f.symbol().toString(), f.side().name(), cell(f.qty()), cell(f.price()),
                cell(f.qty().multiply(f.price())), cell(f.fee()), p.purpose(), f.clientOrderId());
    }

    private static List<String> order(Order o) {
        return List.of(time(o.createdAt()), time(o.updatedAt()), o.clientOrderId(), o.botId(), o.symbol().toString(),
                o.side().name(), cell(o.qty()), cell(o.refPrice()), cell(o.stopPrice()), o.purpose(), o.status().name(),
                cell(o.reason()));
    }

    private static List<String> risk(RiskRecord r) {
        return List.of(time(r.at()), cell(r.botId()), r.kind().name(), r.code(), cell(r.intent()), cell(r.detail()),
                cell(r.numbers()));
    }

    /** The positions open now, then those closed in the period. */
    private Table positions(String name, long from, long to) {
        List<List<String>> rows = new ArrayList<>();
        for (Position p : reads.openPositions()) {
            rows.add(List.of(p.botId(), p.symbol().toString(), "OPEN", cell(p.qty()), cell(p.entryPrice()), cell(p.stopPrice()),
                    "", "", cell(p.entryFee()), time(p.openedAt()), "", ""));
        }
        for (ClosedTrade t : reads.closedTrades(from, to)) {
            rows.add(List.of(t.botId(), t.symbol().toString(), "CLOSED", cell(t.qty()), cell(t.entryPrice()), "",
                    cell(t.exitPrice()), cell(t.netPnl()), cell(t.fees()), time(t.openedAt()), time(t.closedAt()),
                    cell(t.exitReason())));
        }
        return new Table(name, List.of("bot_id", "symbol", "status", "qty", "entry_price", "stop_price", "exit_price",
                "realized_pnl", "fees", "opened_at", "closed_at", "exit_reason"), rows);
    }

    private static Table performance(String name, PerformanceReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (PerformanceReport.By by : PerformanceReport.By.values()) {
            for (PerformanceRow row : r.rows(by)) rows.add(performance(by.label(), row));
        }
        rows.add(performance("fleet", r.fleet()));
        return new Table(name, List.of("by", "key", "bots", "trades", "win_rate", "realized_pnl", "fees", "profit_factor",
                "max_drawdown", "time_in_market", "from", "to"), rows.stream().map(row -> {
                    List<String> full = new ArrayList<>(row);
                    full.add(time(r.from()));
                    full.add(time(r.to()));
                    return List.copyOf(full);
                }).toList());
    }

    /** A performance row's exact cells, grouped by {@code by}. */
    private static List<String> performance(String by, PerformanceRow p) {
        return List.of(by, p.key(), Integer.toString(p.bots()), Integer.toString(p.trades()), cell(p.winRate()),
                cell(p.realizedPnl()), cell(p.fees()), cell(p.profitFactor()), cell(p.maxDrawdown()), cell(p.timeInMarket()));
    }

    private static Table pnl(String name, PerformanceReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (PerformanceReport.Span span : PerformanceReport.Span.values()) {
            for (PnlBucket b : r.pnl(span)) {
                rows.add(List.of(span.name().toLowerCase(java.util.Locale.ROOT), b.label(), time(b.start()),
                        Integer.toString(b.trades()), cell(b.pnl())));
            }
        }
        return new Table(name, List.of("span", "label", "start", "trades", "realized_pnl"), rows);
    }
}
