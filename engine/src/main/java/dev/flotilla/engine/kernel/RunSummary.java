package dev.flotilla.engine.kernel;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.risk.ReasonCode;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, from the store: per strategy type the bots, round trips, fills, realized PnL net of fees and
 * equity, the orders sent, the risk rejections per reason code and the breakers fired, the market-data requests
 * made, and a digest of every fill so two runs can be compared at a glance.
 *
 * @param rejections every reason code, with how many orders it refused (zero included)
 */
public record RunSummary(long engineStart, long engineTime, Map<String, Row> byStrategy, Row total,
                         long candleRequests, long priceRequests, String fillsDigest, long ordersSent,
                         Map<String, Long> rejections, Map<String, Long> breakers, String tradingState) {

    public record Row(int bots, int trades, int fills, BigDecimal realizedPnl, BigDecimal equity) {
        Row plus(Row o) {
            return new Row(bots + o.bots, trades + o.trades, fills + o.fills, realizedPnl.add(o.realizedPnl),
                    equity.add(o.equity));
        }
    }

    public static RunSummary of(Engine engine, Store store) {
        FleetSnapshot snap = engine.snapshot();
        Map<String, String> strategyOf = new TreeMap<>();
        for (BotSpec s : store.bots()) strategyOf.put(s.id(), s.strategy());
        Map<String, Row> rows = new TreeMap<>();
        Row zero = new Row(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        for (BotView b : snap.bots()) {
            rows.merge(b.strategy(), new Row(1, 0, 0, b.realizedPnl(), b.equity()), Row::plus);
        }
        for (ClosedTrade t : store.closedTrades()) {
            rows.merge(strategyOf.get(t.botId()), new Row(0, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO), Row::plus);
        }
        List<Fill> fills = store.fills();
        for (Fill f : fills) rows.merge(strategyOf.get(f.botId()), new Row(0, 0, 1, BigDecimal.ZERO, BigDecimal.ZERO), Row::plus);
        Row total = rows.values().stream().reduce(zero, Row::plus);
        RiskStore risk = new RiskStore(store);
        Map<String, Long> stored = risk.countByCode(RiskRecord.Kind.REJECTED);
        Map<String, Long> rejections = new LinkedHashMap<>();
        for (ReasonCode c : ReasonCode.values()) rejections.put(c.name(), stored.getOrDefault(c.name(), 0L));
        stored.forEach(rejections::putIfAbsent);
        return new RunSummary(engine.engineStart(), engine.clock().now(), rows, total,
                engine.market().candleRequests(), engine.market().priceRequests(), digest(fills), risk.ordersSent(),
                rejections, risk.countByCode(RiskRecord.Kind.BREAKER), snap.state());
    }

    static String digest(List<Fill> fills) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Fill f : fills) {
                md.update((f.clientOrderId() + "|" + f.side() + "|" + f.qty().toPlainString() + "|"
                        + f.price().toPlainString() + "|" + f.fee().toPlainString() + "|" + f.filledAt() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("Summary: engine time ").append(Instant.ofEpochMilli(engineStart)).append(" -> ")
                .append(Instant.ofEpochMilli(engineTime)).append('\n');
        sb.append(String.format("%-22s %5s %7s %6s %14s %14s%n", "strategy", "bots", "trades", "fills", "realized PnL", "equity"));
        byStrategy.forEach((k, r) -> sb.append(line(k, r)));
        sb.append(line("total", total));
        sb.append("orders sent: ").append(ordersSent).append('\n');
        long refused = rejections.values().stream().mapToLong(Long::longValue).sum();
        sb.append("risk rejections: ").append(refused).append(" (trading state ").append(tradingState).append(")\n");
        rejections.forEach((code, n) -> sb.append(String.format("  %-22s %6d%n", code, n)));
        sb.append("circuit breakers fired: ").append(breakers.isEmpty() ? "none" : breakers.toString()).append('\n');
        sb.append("market-data requests: ").append(candleRequests).append(" candle, ").append(priceRequests)
                .append(" price\n");
        sb.append("fills digest: ").append(fillsDigest).append('\n');
        return sb.toString();
    }

    private static String line(String name, Row r) {
        return String.format("%-22s %5d %7d %6d %14s %14s%n", name, r.bots, r.trades, r.fills,
                r.realizedPnl.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                r.equity.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    }
}
