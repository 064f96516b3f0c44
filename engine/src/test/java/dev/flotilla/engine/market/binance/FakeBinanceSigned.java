package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.binance.BinanceSignature.Refusal;
import dev.flotilla.engine.market.binance.FakeBinanceAccount.Fill;
import dev.flotilla.engine.market.binance.FakeBinanceAccount.Order;
import dev.flotilla.engine.market.binance.FakeBinanceAccount.Refused;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link FakeBinance}'s signed endpoints, in Binance's JSON: {@code GET /api/v3/account},
 * {@code GET /sapi/v1/account/apiRestrictions}, {@code POST} and {@code GET /api/v3/order}, {@code GET /api/v3/openOrders}
 * and {@code GET /api/v3/myTrades}. Every request is checked by {@link BinanceSignature} first; a successful order
 * reply carries {@code X-MBX-ORDER-COUNT-10S} and {@code X-MBX-ORDER-COUNT-1D} (orders placed in the current
 * ten-second and UTC-day windows).
 */
final class FakeBinanceSigned {

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply of(Refusal r) {
            return new Reply(r.status(), r.body(), Map.of());
        }
    }

    static final Set<String> PATHS = Set.of("/api/v3/account", "/sapi/v1/account/apiRestrictions", "/api/v3/order",
            "/api/v3/openOrders", "/api/v3/myTrades");
    private static final long DAY = 86_400_000;

    final BinanceSignature keys = new BinanceSignature();
    final FakeBinanceAccount account;
    private final List<Long> orderTimes = new ArrayList<>();

    FakeBinanceSigned(FakeBinanceSymbols symbols) {
        this.account = new FakeBinanceAccount(symbols);
    }

    static boolean handles(String method, String path) {
        return PATHS.contains(path) && (method.equals("GET") || method.equals("POST") && path.equals("/api/v3/order"));
    }

    Reply handle(String method, String path, String key, String rawQuery, String rawBody, Map<String, String> p, long now,
                 Function<FakeBinanceSymbols.Rules, BigDecimal> prices) {
        boolean place = method.equals("POST");
        if (place) account.arrived(p);
        Refusal refusal = keys.check(key, rawQuery, rawBody, p, now, place);
        if (refusal != null) return Reply.of(refusal);
        try {
            return switch (path) {
                case "/api/v3/account" -> ok(account(p));
                case "/sapi/v1/account/apiRestrictions" -> ok(restrictions());
                case "/api/v3/order" -> place ? placed(account.place(p, now, prices), p, now) : ok(order(query(p)));
                case "/api/v3/openOrders" -> {
                    String symbol = symbolOrNull(p);
                    yield ok(list(account.orders().stream().filter(o -> o.isOpen() && (symbol == null || o.symbol().equals(symbol)))
                            .map(FakeBinanceSigned::order).toList()));
                }
                default -> ok(list(FakeBinanceTrades.select(account, symbol(p), p).stream().map(FakeBinanceSigned::trade).toList()));
            };
        } catch (Refused e) {
            return Reply.of(e.refusal);
        }
    }

    private Order query(Map<String, String> p) {
        String symbol = symbol(p);
        String id = p.get("orderId");
        String clientId = p.get("origClientOrderId");
        if (id == null && clientId == null) {
            throw new Refused(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        Order o;
        if (id != null) {
            if (!id.matches("[0-9]{1,19}")) throw new Refused(BinanceSignature.illegal("orderId", "^[0-9]{1,20}$"));
            o = account.orders().stream().filter(x -> x.orderId() == Long.parseLong(id)).findFirst().orElse(null);
            if (o != null && clientId != null && !o.clientOrderId().equals(clientId)) {
                throw new Refused(400, -2039, "Client order ID is not correct for this order ID.");
            }
        } else {
            List<Order> named = account.orders(clientId);   // a reused id: the latest
            o = named.isEmpty() ? null : named.getLast();
        }
        if (o == null || !o.symbol().equals(symbol)) throw new Refused(400, -2013, "Order does not exist.");
        return o;
    }

    private String symbol(Map<String, String> p) {
        String s = p.get("symbol");
        if (s == null || s.isEmpty()) throw new Refused(BinanceSignature.mandatory("symbol"));
        return symbolOrNull(p);
    }

    private String symbolOrNull(Map<String, String> p) {
        String s = p.get("symbol");
        if (s != null && account.symbols().rules(s) == null) throw new Refused(400, -1121, "Invalid symbol.");
        return s;
    }

    private synchronized Reply placed(Order o, Map<String, String> p, long now) {
        orderTimes.add(now);
        long tenS = orderTimes.stream().filter(t -> t / 10_000 == now / 10_000).count();
        long day = orderTimes.stream().filter(t -> t / DAY == now / DAY).count();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-ORDER-COUNT-10S", Long.toString(tenS));
        headers.put("X-MBX-ORDER-COUNT-1D", Long.toString(day));
        StringBuilder sb = new StringBuilder("{\"symbol\":\"").append(o.symbol()).append("\",\"orderId\":").append(o.orderId())
                .append(",\"orderListId\":-1,\"clientOrderId\":\"").append(o.clientOrderId()).append("\",\"transactTime\":").append(o.time());
        String resp = p.getOrDefault("newOrderRespType", "FULL");
        if (!resp.equals("ACK")) {
            sb.append(',');
            result(sb, o);
            sb.append(",\"workingTime\":").append(o.time()).append(",\"selfTradePreventionMode\":\"").append(o.selfTradePreventionMode()).append('"');
            expiry(sb, o);
        }
        if (resp.equals("FULL")) {
            sb.append(",\"fills\":[");
            for (int i = 0; i < o.fills().size(); i++) {
                Fill f = o.fills().get(i);
                if (i > 0) sb.append(',');
                sb.append("{\"price\":").append(str(f.price())).append(",\"qty\":").append(str(f.qty())).append(",\"commission\":")
                        .append(str(f.commission())).append(",\"commissionAsset\":\"").append(f.commissionAsset()).append("\",\"tradeId\":")
                        .append(f.tradeId()).append('}');
            }
            sb.append(']');
        }
        return new Reply(200, sb.append('}').toString(), headers);
    }

    /** The fields an order reply and an order query share, from "price" to "side". */
    private static void result(StringBuilder sb, Order o) {
        sb.append("\"price\":\"0.00000000\",\"origQty\":").append(str(o.origQty())).append(",\"executedQty\":").append(str(o.executedQty()))
                .append(",\"origQuoteOrderQty\":").append(str(o.origQuoteOrderQty())).append(",\"cummulativeQuoteQty\":")
                .append(str(o.cummulativeQuoteQty())).append(",\"status\":\"").append(o.status())
                .append("\",\"timeInForce\":\"GTC\",\"type\":\"MARKET\",\"side\":\"").append(o.side()).append('"');
    }

    private static void expiry(StringBuilder sb, Order o) {
        if (o.status().equals("EXPIRED")) sb.append(",\"expiryReason\":\"INSUFFICIENT_LIQUIDITY\"");
    }

    /** An order as GET /api/v3/order and openOrders show it. */
    static String order(Order o) {
        StringBuilder sb = new StringBuilder("{\"symbol\":\"").append(o.symbol()).append("\",\"orderId\":").append(o.orderId())
                .append(",\"orderListId\":-1,\"clientOrderId\":\"").append(o.clientOrderId()).append("\",");
        result(sb, o);
        sb.append(",\"time\":").append(o.time()).append(",\"updateTime\":").append(o.updateTime()).append(",\"isWorking\":true,\"workingTime\":")
                .append(o.time()).append(",\"selfTradePreventionMode\":\"").append(o.selfTradePreventionMode()).append('"');
        expiry(sb, o);
        return sb.append('}').toString();
    }

    static String trade(Map.Entry<Order, Fill> t) {
        Order o = t.getKey();
        Fill f = t.getValue();
        return "{\"symbol\":\"" + o.symbol() + "\",\"id\":" + f.tradeId() + ",\"orderId\":" + o.orderId() + ",\"orderListId\":-1,\"price\":"
                + str(f.price()) + ",\"qty\":" + str(f.qty()) + ",\"quoteQty\":" + str(f.quoteQty()) + ",\"commission\":"
                + str(f.commission()) + ",\"commissionAsset\":\"" + f.commissionAsset() + "\",\"time\":" + o.updateTime()
                + ",\"isBuyer\":" + o.isBuy() + ",\"isMaker\":false,\"isBestMatch\":true}";
    }

    private String account(Map<String, String> p) {
        boolean omitZero = "true".equals(p.get("omitZeroBalances"));
        BigDecimal maker = account.maker();
        BigDecimal taker = account.taker();
        StringBuilder sb = new StringBuilder("{\"makerCommission\":").append(maker.movePointRight(4).intValue())
                .append(",\"takerCommission\":").append(taker.movePointRight(4).intValue())
                .append(",\"buyerCommission\":0,\"sellerCommission\":0,\"commissionRates\":{\"maker\":").append(str(maker))
                .append(",\"taker\":").append(str(taker)).append(",\"buyer\":\"0.00000000\",\"seller\":\"0.00000000\"},\"canTrade\":")
                .append(keys.canTrade()).append(",\"canWithdraw\":").append(keys.canWithdraw())
                .append(",\"canDeposit\":true,\"brokered\":false,\"requireSelfTradePrevention\":false,\"preventSor\":false,\"updateTime\":")
                .append(account.updateTime()).append(",\"accountType\":\"SPOT\",\"balances\":[");
        Map<String, BigDecimal> locked = account.lockedBalances();
        boolean first = true;
        for (Map.Entry<String, BigDecimal> e : new java.util.TreeMap<>(account.balances()).entrySet()) {
            BigDecimal l = locked.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (omitZero && e.getValue().signum() == 0 && l.signum() == 0) continue;
            if (!first) sb.append(',');
            first = false;
            sb.append("{\"asset\":\"").append(e.getKey()).append("\",\"free\":").append(str(e.getValue())).append(",\"locked\":")
                    .append(str(l)).append('}');
        }
        return sb.append("],\"permissions\":[\"SPOT\"],\"uid\":354937868}").toString();
    }

    private String restrictions() {
        return "{\"ipRestrict\":false,\"createTime\":" + keys.createTime() + ",\"enableReading\":true,\"enableWithdrawals\":"
                + keys.canWithdraw() + ",\"enableInternalTransfer\":false,\"enableMargin\":false,\"enableFutures\":false,"
                + "\"permitsUniversalTransfer\":false,\"enableVanillaOptions\":false,\"enableFixApiTrade\":false,"
                + "\"enableFixReadOnly\":false,\"enableSpotAndMarginTrading\":" + keys.canTrade()
                + ",\"enablePortfolioMarginTrading\":false}";
    }

    private static Reply ok(String body) {
        return new Reply(200, body, Map.of());
    }

    private static String list(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    static String str(BigDecimal v) {
        return "\"" + v.setScale(8, java.math.RoundingMode.HALF_UP).toPlainString() + "\"";
    }
}
