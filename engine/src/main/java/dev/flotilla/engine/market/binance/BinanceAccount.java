package dev.flotilla.engine.market.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.secrets.ApiKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance Spot account through its signed endpoints, on the market data's connection: the same request-weight budget,
 * 429/418 handling and measured clock ({@code timestamp} is Binance's time as measured, {@code recvWindow} 5 s; a -1021
 * has the clock measured again and the request sent once more, which is safe: Binance refuses such a request before
 * it looks at it). Every answer is one of three: the reply, a refusal Binance gave ({@link Refusal}: nothing happened),
 * or {@link Unknown} (a 5xx, a timeout, a broken connection: for an order, it may or may not have been executed).
 */
public final class BinanceAccount {

    private static final Logger log = LoggerFactory.getLogger(BinanceAccount.class);
    static final long RECV_WINDOW = 5_000;

    /** Binance refused the request: it was not executed. {@code code} is Binance's (e.g. -2010), 0 when it gave none. */
    public static final class Refusal extends RuntimeException {
        public final int status;
        public final int code;

        Refusal(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** No usable answer: whether the request was executed is not known. */
    public static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message);
        }
    }

    public record Balance(String asset, BigDecimal free, BigDecimal locked) {
    }

    public record Info(boolean canTrade, boolean canWithdraw, Map<String, Balance> balances) {
    }

    public record Restrictions(boolean withdrawals, boolean spotTrading, boolean reading) {
    }

    /** One trade of an order: price, quantity, commission and the asset the commission was taken in. */
    public record Trade(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset, long time) {
    }

    /** An order as Binance shows it; {@code trades} are the fills of a FULL reply (empty when asked for later). */
    public record Order(long orderId, String clientOrderId, String status, BigDecimal origQty, BigDecimal executedQty,
                        BigDecimal quoteQty, long time, List<Trade> trades) {
    }

    private final BinanceMarket market;
    private final BinanceGateway gateway;
    private final SignedRest rest;
    private final SignedDigest digest;
    private final String apiKey;

    public BinanceAccount(BinanceMarket market, ApiKeys keys) {
        this.market = market;
        this.gateway = market.gateway();
        this.rest = gateway.proxy(SignedRest.class);
        this.digest = new SignedDigest(new Signer(keys));
        this.apiKey = keys.apiKey();
    }

    public Info info() {
        JsonNode a = signed("account", 20, (r, ts) -> r.account(true, RECV_WINDOW, ts, apiKey, digest));
        Map<String, Balance> balances = new LinkedHashMap<>();
        for (JsonNode b : a.path("balances")) {
            balances.put(b.path("asset").asText(), new Balance(b.path("asset").asText(), num(b, "free"), num(b, "locked")));
        }
        return new Info(a.path("canTrade").asBoolean(false), a.path("canWithdraw").asBoolean(false), balances);
    }

    public Restrictions restrictions() {
        JsonNode r = signed("API key restrictions", 1, (x, ts) -> x.apiRestrictions(RECV_WINDOW, ts, apiKey, digest));
        return new Restrictions(r.path("enableWithdrawals").asBoolean(true), r.path("enableSpotAndMarginTrading").asBoolean(false),
                r.path("enableReading").asBoolean(false));
    }

    /** The symbols' filters from exchangeInfo (weight 20 for a few symbols). */
    public Map<Symbol, SymbolFilters> filters(Collection<Symbol> symbols) {
        StringBuilder json = new StringBuilder("[");
        for (Symbol s : symbols) json.append(json.length() > 1 ? "," : "").append('"').append(s.compact()).append('"');
        json.append(']');
        JsonNode info = call("exchangeInfo", 20, r -> r.exchangeInfo(json.toString()));
        Map<Symbol, SymbolFilters> out = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            for (JsonNode sym : info.path("symbols")) {
                if (sym.path("symbol").asText().equals(s.compact())) out.put(s, filters(s.compact(), sym.path("filters")));
            }
        }
        return out;
    }

    static SymbolFilters filters(String symbol, JsonNode filters) {
        BigDecimal minQty = BigDecimal.ZERO, maxQty = BigDecimal.ZERO, step = BigDecimal.ZERO, minNotional = BigDecimal.ZERO;
        BigDecimal tick = BigDecimal.ZERO;
        boolean applies = true;
        for (JsonNode f : filters) {
            switch (f.path("filterType").asText()) {
                case "LOT_SIZE", "MARKET_LOT_SIZE" -> {
                    // the stricter of the two: MARKET_LOT_SIZE often lists a zero step, meaning LOT_SIZE's applies
                    minQty = minQty.max(num(f, "minQty"));
                    BigDecimal max = num(f, "maxQty");
                    if (max.signum() > 0) maxQty = maxQty.signum() == 0 ? max : maxQty.min(max);
                    step = step.max(num(f, "stepSize"));
                }
                case "NOTIONAL" -> {
                    minNotional = minNotional.max(num(f, "minNotional"));
                    applies = f.path("applyMinToMarket").asBoolean(true);
                }
                case "MIN_NOTIONAL" -> {
                    minNotional = minNotional.max(num(f, "minNotional"));
                    applies = f.path("applyToMarket").asBoolean(true);
                }
                case "PRICE_FILTER" -> tick = num(f, "tickSize");
                default -> { }
            }
        }
        return new SymbolFilters(symbol, minQty, maxQty, step, minNotional, applies, tick);
    }

    /** Sends a MARKET order by base quantity with Flotilla's client order id, answered in full. */
    public Order marketOrder(Symbol symbol, Side side, BigDecimal qty, String clientOrderId) {
        String what = "order " + clientOrderId;
        return order(signed(what, 1, (r, ts) -> r.newOrder(symbol.compact(), side.name(), "MARKET", qty.stripTrailingZeros()
                .toPlainString(), clientOrderId, "FULL", RECV_WINDOW, ts, apiKey, digest)));
    }

    /** The order of that client id, or empty when Binance has none (-2013). */
    public Optional<Order> order(Symbol symbol, String clientOrderId) {
        try {
            return Optional.of(order(signed("order query " + clientOrderId, 4,
                    (r, ts) -> r.order(symbol.compact(), clientOrderId, RECV_WINDOW, ts, apiKey, digest))));
        } catch (Refusal e) {
            if (e.code == -2013) return Optional.empty();
            throw e;
        }
    }

    /** The trades of one order (weight 20). */
    public List<Trade> trades(Symbol symbol, long orderId) {
        JsonNode rows = signed("trades of order " + orderId, 20,
                (r, ts) -> r.myTrades(symbol.compact(), orderId, 1_000, RECV_WINDOW, ts, apiKey, digest));
        List<Trade> out = new ArrayList<>();
        for (JsonNode t : rows) out.add(new Trade(num(t, "price"), num(t, "qty"), num(t, "commission"),
                t.path("commissionAsset").asText(), t.path("time").asLong()));
        return out;
    }

    private static Order order(JsonNode o) {
        List<Trade> trades = new ArrayList<>();
        long time = o.has("transactTime") ? o.path("transactTime").asLong() : o.path("updateTime").asLong(o.path("time").asLong());
        for (JsonNode f : o.path("fills")) {
            trades.add(new Trade(num(f, "price"), num(f, "qty"), num(f, "commission"), f.path("commissionAsset").asText(), time));
        }
        return new Order(o.path("orderId").asLong(), o.path("clientOrderId").asText(), o.path("status").asText(),
                num(o, "origQty"), num(o, "executedQty"), num(o, "cummulativeQuoteQty"), time, trades);
    }

    private static BigDecimal num(JsonNode n, String field) {
        String v = n.path(field).asText("");
        return v.isEmpty() ? BigDecimal.ZERO : new BigDecimal(v);
    }

    private interface SignedCall {
        SignedRest.Json send(SignedRest rest, long timestamp) throws java.io.IOException;
    }

    private JsonNode signed(String what, int weight, SignedCall call) {
        try {
            return call(what, weight, r -> call.send(r, gateway.clock().now()));
        } catch (Refusal e) {
            if (e.code != -1021) throw e;
            log.warn("{}: Binance says the timestamp is outside the receive window; measuring its clock and asking again", what);
            market.clockSync().measure();
            return call(what, weight, r -> call.send(r, gateway.clock().now()));
        }
    }

    private interface Call {
        SignedRest.Json send(SignedRest rest) throws java.io.IOException;
    }

    private JsonNode call(String what, int weight, Call call) {
        try {
            return gateway.send(what, weight, 10_000, rest, call::send).body;
        } catch (BinanceGateway.Refused e) {
            throw e.status < 500 ? new Refusal(e.status, e.code, e.getMessage()) : new Unknown(e.getMessage());
        } catch (MarketDataException e) {
            // held back before sending (a 429/418 in force, the budget used up) is a refusal; anything else is unknown
            throw e.notBefore() > 0 ? new Refusal(0, 0, e.getMessage()) : new Unknown(e.getMessage());
        }
    }
}
