package dev.flotilla.engine.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.engine.api.Table;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A backtest's report as a trader reads it: a table of every bot and the fleet, as plain text for the terminal, as
 * Markdown for notes, or as JSON for other tools. A figure that does not exist prints as "-" (JSON: null).
 */
public final class BacktestReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("bot", "strategy", "symbol", "tf", "return", "CAGR", "max DD",
        "DD days", "Sharpe", "Sortino", "Calmar", "win", "PF", "trades", "avg hold", "in mkt", "fees", "buy&hold");

    private final BacktestResult result;

    public BacktestReport(BacktestResult result) {
        this.result = result;
    }

    /** The lines above the table: period, market, fleet and costs. */
    public String title() {
        Backtest.Request r = result.request();
        double days = (r.to() - r.from()) / 86_400_000.0;
        return String.format(Locale.ROOT, "Backtest %s to %s UTC (%s days) on %s: %d bots, fee %s bps, slippage %s bps",
                DAY.format(Instant.ofEpochMilli(r.from())), DAY.format(Instant.ofEpochMilli(r.to())), trim(days),
                result.market(), result.bots().size(), r.feeBps().toPlainString(), r.slippageBps().toPlainString());
    }

    /** The lines below the table: the fills, their digest and the time taken. */
    public List<String> footer() {
        double seconds = result.wallNanos() / 1e9;
        double days = (result.request().to() - result.request().from()) / 86_400_000.0;
        return List.of(
                "fills: " + result.fills() + ", closed trades: " + result.trades().size(),
                "fills digest: sha256 " + result.fillsDigest(),
                String.format(Locale.ROOT, "ran in %.1f s (%.0f simulated days a second)", seconds, days / seconds));
    }

    public String text() {
        StringBuilder out = new StringBuilder(title()).append('\n').append('\n');
        out.append(table().text(4, true)).append('\n');
        footer().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title()).append("\n\n").append(table().markdown(4)).append('\n');
        footer().forEach(l -> out.append("- ").append(l).append('\n'));
        return out.toString();
    }

    public String json() {
        Backtest.Request r = result.request();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", Instant.ofEpochMilli(r.from()).toString());
        root.put("to", Instant.ofEpochMilli(r.to()).toString());
        root.put("market", result.market());
        root.put("feeBps", r.feeBps());
        root.put("slippageBps", r.slippageBps());
        root.put("fills", result.fills());
        root.put("fillsDigest", result.fillsDigest());
        root.put("wallSeconds", result.wallNanos() / 1e9);
        List<Map<String, Object>> bots = new ArrayList<>();
        for (RunFigures f : result.bots()) bots.add(json(f));
        root.put("bots", bots);
        root.put("fleet", json(result.fleet()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(RunFigures f) {
        Performance p = f.performance();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        if (!f.fleet()) {
            m.put("strategy", f.strategy());
            m.put("symbol", dev.flotilla.engine.model.Symbol.parse(f.symbol()).compact());
            m.put("timeframe", f.timeframe());
            m.put("params", f.params());
        }
        m.put("capital", f.capital());
        m.put("finalEquity", f.finalEquity());
        m.put("totalReturn", number(p.totalReturn()));
        m.put("cagr", number(p.cagr()));
        m.put("maxDrawdown", number(p.maxDrawdown()));
        m.put("maxDrawdownDays", p.maxDrawdownMs() / 86_400_000.0);
        m.put("sharpe", number(p.sharpe()));
        m.put("sortino", number(p.sortino()));
        m.put("calmar", number(p.calmar()));
        m.put("winRate", number(p.winRate()));
        m.put("profitFactor", number(p.profitFactor()));
        m.put("trades", p.trades());
        m.put("averageHoldingHours", p.averageHoldingMs() / 3_600_000.0);
        m.put("timeInMarket", number(p.timeInMarket()));
        m.put("fees", p.fees());
        m.put("buyAndHold", number(f.buyAndHold()));
        return m;
    }

    private static Double number(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private Table table() {
        List<List<String>> rows = new ArrayList<>();
        for (RunFigures f : result.bots()) rows.add(row(f));
        rows.add(row(result.fleet()));
        return new Table("backtest", HEADERS, rows);
    }

    private static List<String> row(RunFigures f) {
        Performance p = f.performance();
        String symbol = f.fleet() ? "" : dev.flotilla.engine.model.Symbol.parse(f.symbol()).compact();
        return List.of(f.fleet() ? "fleet" : f.id(), f.strategy(), symbol, f.timeframe(), pct(p.totalReturn()),
            pct(p.cagr()), pct(-p.maxDrawdown()), String.format(Locale.ROOT, "%.1f", p.maxDrawdownMs() / 86_400_000.0),
            ratio(p.sharpe()), ratio(p.sortino()), ratio(p.calmar()), pct(p.winRate()), ratio(p.profitFactor()),
            Integer.toString(p.trades()), hours(p.averageHoldingMs()), pct(p.timeInMarket()),
            String.format(Locale.ROOT, "%.2f", p.fees()), pct(f.buyAndHold()));
    }

    private static String pct(double d) {
        return Table.percent(d);
    }

    private static String ratio(double d) {
        return Table.ratio(d);
    }

    private static String hours(long ms) {
        if (ms == 0) return "-";
        double h = ms / 3_600_000.0;
        return h < 48 ? String.format(Locale.ROOT, "%.1fh", h) : String.format(Locale.ROOT, "%.1fd", h / 24);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
