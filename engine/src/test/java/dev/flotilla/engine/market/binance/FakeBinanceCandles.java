package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeBinance}'s market data: klines by Binance's rules (and spoiled on request by a {@link FakeBinance.Fault.Data})
 * and ticker prices, from a seeded sandbox path; {@code data} serves any closed candle, {@code live} the present.
 */
final class FakeBinanceCandles {

    private final SandboxMarket data;
    private final SandboxMarket live;

    FakeBinanceCandles(SandboxMarket data, SandboxMarket live) {
        this.data = data;
        this.live = live;
    }

    /** The last trade price at the server's present, on the sandbox path. */
    BigDecimal price(Symbol s) {
        return live.lastPrices(List.of(s)).get(s).setScale(8, RoundingMode.HALF_EVEN);
    }

    static Feed feed(Map<String, String> q) {
        String s = q.getOrDefault("symbol", "");
        if (!s.endsWith("USDT")) return null;
        Symbol symbol = new Symbol(s.substring(0, s.length() - 4), "USDT");
        if (!SandboxMarket.DEFAULT_SYMBOLS.contains(symbol)) return null;
        try {
            return new Feed(symbol, Timeframe.parse(q.get("interval")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Binance's rules: open times from startTime up to endTime and up to now (the open candle included), at most limit. */
    String klines(Map<String, String> q, long now, FakeBinance.Fault.Data fault) {
        Feed feed = feed(q);
        if (feed == null) return "!{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
        if (fault == FakeBinance.Fault.Data.MALFORMED_JSON) return "[[1700000000000,\"1.0\",\"2.0\"";
        long len = feed.timeframe().millis();
        int limit = Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "500")));
        long lastOpen = Math.floorDiv(now, len) * len;
        if (q.containsKey("endTime")) lastOpen = Math.min(lastOpen, Math.floorDiv(Long.parseLong(q.get("endTime")), len) * len);
        long first = q.containsKey("startTime") ? Math.ceilDiv(Long.parseLong(q.get("startTime")), len) * len
                : lastOpen - (long) (limit - 1) * len;
        List<Candle> rows = new ArrayList<>();
        if (first <= lastOpen) {
            long closedBy = Math.min(lastOpen + len, Math.floorDiv(now, len) * len);
            rows.addAll(data.closedCandles(feed, first, closedBy, limit));
            boolean open = lastOpen + len > now;
            if (open && rows.size() < limit) rows.addAll(data.closedCandles(feed, lastOpen, lastOpen + len, 1));
        }
        boolean forming = !rows.isEmpty() && rows.getLast().openTime() + len > now;
        if (fault != null) {
            switch (fault) {
                case GAP -> {
                    if (!rows.isEmpty()) rows.remove(rows.size() > 2 ? rows.size() / 2 : 0);
                }
                case DUPLICATE -> {
                    if (!rows.isEmpty()) rows.add(rows.getLast());
                }
                case OPEN_CANDLE -> {
                    if (!forming) rows.add(data.closedCandles(feed, lastOpen(now, len), lastOpen(now, len) + len, 1).getFirst());
                }
                case HIGH_BELOW_LOW -> {
                    if (!rows.isEmpty()) {
                        Candle c = rows.removeLast();
                        rows.add(new Candle(c.openTime(), c.open(), c.low() * 0.99, c.high(), c.close(), c.volume()));
                    }
                }
                case OUT_OF_ORDER -> {
                    if (rows.size() >= 2) rows.add(rows.removeFirst());
                    else if (rows.size() == 1) rows.addAll(data.closedCandles(feed, rows.getFirst().openTime() - len, rows.getFirst().openTime(), 1));
                }
                default -> {
                }
            }
        }
        StringBuilder sb = new StringBuilder("[");
        for (Candle c : rows) {
            if (sb.length() > 1) sb.append(',');
            long open = c.openTime();
            sb.append('[').append(open).append(',').append(str(c.open())).append(',').append(str(c.high())).append(',')
                    .append(str(c.low())).append(',').append(str(c.close())).append(',').append(str(c.volume())).append(',')
                    .append(open + len - 1).append(',').append(str(c.volume() * c.close())).append(',')
                    .append(100 + Math.floorMod(open / 1000, 900)).append(',').append(str(c.volume() / 2)).append(',')
                    .append(str(c.volume() * c.close() / 2)).append(",\"0\"]");
        }
        return sb.append(']').toString();
    }

    private static long lastOpen(long now, long len) {
        return Math.floorDiv(now, len) * len;
    }

    String prices(Map<String, String> q, long now) {
        List<Symbol> asked = new ArrayList<>();
        if (q.containsKey("symbols")) {
            String list = q.get("symbols").replaceAll("[\\[\\]\" ]", "");
            for (String s : list.split(",")) {
                Feed f = feed(Map.of("symbol", s, "interval", "1h"));
                if (f == null) return "!{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
                asked.add(f.symbol());
            }
        } else {
            asked.addAll(SandboxMarket.DEFAULT_SYMBOLS);
        }
        StringBuilder sb = new StringBuilder("[");
        for (Symbol s : asked) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"symbol\":\"").append(s.compact()).append("\",\"price\":\"").append(price(s).toPlainString())
                    .append("\"}");
        }
        if (!q.containsKey("symbols")) sb.append(",{\"symbol\":\"ETHBTC\",\"price\":\"0.03500000\"}");
        return sb.append(']').toString();
    }

    private static String str(double v) {
        return "\"" + BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_EVEN).toPlainString() + "\"";
    }
}
