package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.binance.FakeBinanceAccount.Fill;
import dev.flotilla.engine.market.binance.FakeBinanceAccount.Order;
import dev.flotilla.engine.market.binance.FakeBinanceAccount.Refused;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code GET /api/v3/myTrades}'s selection as Binance documents it: only the combinations symbol, +orderId,
 * +startTime, +endTime, +fromId, +startTime+endTime, +orderId+fromId (-1128 otherwise); at most 24 hours between
 * startTime and endTime (-1127); {@code fromId} gives trades from that id on, startTime the oldest from then,
 * otherwise the most recent; limit 500 by default, at most 1000; always in ascending id order.
 */
final class FakeBinanceTrades {

    private static final List<Set<String>> COMBINATIONS = List.of(Set.of(), Set.of("orderId"), Set.of("startTime"),
            Set.of("endTime"), Set.of("fromId"), Set.of("startTime", "endTime"), Set.of("orderId", "fromId"));

    private FakeBinanceTrades() {
    }

    static List<Map.Entry<Order, Fill>> select(FakeBinanceAccount account, String symbol, Map<String, String> p) {
        Set<String> sent = new TreeSet<>();
        for (String k : List.of("orderId", "startTime", "endTime", "fromId")) if (p.containsKey(k)) sent.add(k);
        if (!COMBINATIONS.contains(sent)) throw new Refused(400, -1128, "Combination of optional parameters invalid.");
        long orderId = number(p, "orderId", -1);
        long start = number(p, "startTime", Long.MIN_VALUE);
        long end = number(p, "endTime", Long.MAX_VALUE);
        long fromId = number(p, "fromId", Long.MIN_VALUE);
        if (sent.contains("startTime") && sent.contains("endTime") && end - start > 86_400_000) {
            throw new Refused(400, -1127, "More than 24 hours between startTime and endTime.");
        }
        int limit = (int) Math.min(1000, number(p, "limit", 500));
        if (limit < 1) throw new Refused(400, -1130, "Data sent for parameter 'limit' is not valid.");
        Stream<Map.Entry<Order, Fill>> s = account.orders().stream().filter(o -> o.symbol().equals(symbol))
                .flatMap(o -> o.fills().stream().map(f -> Map.entry(o, f)))
                .sorted(Comparator.comparingLong(t -> t.getValue().tradeId()))
                .filter(t -> orderId < 0 || t.getKey().orderId() == orderId)
                .filter(t -> t.getValue().tradeId() >= fromId)
                .filter(t -> t.getKey().updateTime() >= start && t.getKey().updateTime() <= end);
        List<Map.Entry<Order, Fill>> all = s.toList();
        boolean oldestFirst = sent.contains("fromId") || sent.contains("startTime") || sent.contains("orderId");
        return oldestFirst ? all.subList(0, Math.min(limit, all.size())) : all.subList(Math.max(0, all.size() - limit), all.size());
    }

    private static long number(Map<String, String> p, String name, long otherwise) {
        String v = p.get(name);
        if (v == null) return otherwise;
        if (!v.matches("-?[0-9]{1,19}")) throw new Refused(BinanceSignature.illegal(name, "^[0-9]{1,20}$"));
        return Long.parseLong(v);
    }
}
