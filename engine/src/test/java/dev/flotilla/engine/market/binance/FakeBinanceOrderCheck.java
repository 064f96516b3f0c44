package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.binance.FakeBinanceAccount.Refused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What Binance's API checks on {@code POST /api/v3/order} before the order reaches the matching engine: mandatory
 * parameters (-1102), symbol (-1121), side (-1117), type (-1116; this fake trades MARKET only), parameters a MARKET
 * order must not carry (-1106), number format (-1100) and precision (-1111), the client order id's pattern (-1100),
 * then the symbol's filters LOT_SIZE, MARKET_LOT_SIZE and NOTIONAL (-1013 "Filter failure: ...").
 */
final class FakeBinanceOrderCheck {

    static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";
    static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final Set<String> TYPES =
            Set.of("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER");
    private static final List<String> NOT_FOR_MARKET = List.of("timeInForce", "price", "stopPrice", "icebergQty", "trailingDelta");
    private static final Set<String> STP_MODES = Set.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT");

    /** An order that passed: what the engine needs to fill it. */
    record Checked(FakeBinanceSymbols.Rules rules, String side, BigDecimal quantity, BigDecimal quoteOrderQty, String clientOrderId,
                   String stp, BigDecimal price, String respType) {
        BigDecimal origQuote() {
            return (quoteOrderQty == null ? BigDecimal.ZERO : quoteOrderQty).setScale(8);
        }

        /** The quantity quoteOrderQty buys (or sells) on the LOT_SIZE step, at the worst price of {@code split} trades. */
        BigDecimal qtyForQuote(int split) {
            BigDecimal worst = side.equals("BUY") ? price.add(rules.tickSize().multiply(BigDecimal.valueOf(split - 1))) : price;
            return quoteOrderQty.divide(worst.multiply(rules.stepSize()), 0, RoundingMode.DOWN).multiply(rules.stepSize()).setScale(8);
        }
    }

    private FakeBinanceOrderCheck() {
    }

    static Checked check(Map<String, String> p, FakeBinanceSymbols symbols, Function<FakeBinanceSymbols.Rules, BigDecimal> prices) {
        for (String name : List.of("symbol", "side", "type")) {
            if (p.get(name) == null || p.get(name).isEmpty()) throw new Refused(BinanceSignature.mandatory(name));
        }
        FakeBinanceSymbols.Rules rules = symbols.rules(p.get("symbol"));
        if (rules == null) throw new Refused(400, -1121, "Invalid symbol.");
        String side = p.get("side");
        if (!side.equals("BUY") && !side.equals("SELL")) throw new Refused(400, -1117, "Invalid side.");
        if (!TYPES.contains(p.get("type")) || !p.get("type").equals("MARKET")) throw new Refused(400, -1116, "Invalid orderType.");
        String resp = p.getOrDefault("newOrderRespType", "FULL");
        if (!Set.of("ACK", "RESULT", "FULL").contains(resp)) throw invalid("newOrderRespType");
        for (String name : NOT_FOR_MARKET) {
            if (p.containsKey(name)) throw new Refused(400, -1106, "Parameter '" + name + "' sent when not required.");
        }
        BigDecimal qty = decimal(p, "quantity");
        BigDecimal quote = decimal(p, "quoteOrderQty");
        if (qty == null && quote == null) {
            throw new Refused(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
        }
        if (qty != null && quote != null) throw new Refused(400, -1106, "Parameter 'quoteOrderQty' sent when not required.");
        String clientId = p.get("newClientOrderId");
        if (clientId != null && clientId.isEmpty()) throw new Refused(400, -1118, "New client order ID was empty.");
        if (clientId != null && !clientId.matches(CLIENT_ID_RANGE.substring(1, CLIENT_ID_RANGE.length() - 1))) {
            throw new Refused(BinanceSignature.illegal("newClientOrderId", CLIENT_ID_RANGE));
        }
        String stp = p.getOrDefault("selfTradePreventionMode", "EXPIRE_MAKER");
        if (!STP_MODES.contains(stp)) throw invalid("selfTradePreventionMode");
        BigDecimal price = prices.apply(rules);
        if (qty != null) {
            if (qty.compareTo(rules.minQty()) < 0 || qty.compareTo(rules.maxQty()) > 0
                    || qty.remainder(rules.stepSize()).signum() != 0) {
                throw filter("LOT_SIZE");
            }
            if (qty.compareTo(rules.marketMaxQty()) > 0) throw filter("MARKET_LOT_SIZE");
            if (qty.multiply(price).compareTo(FakeBinanceSymbols.MIN_NOTIONAL) < 0) throw filter("NOTIONAL");
        } else if (quote.compareTo(FakeBinanceSymbols.MIN_NOTIONAL) < 0) {
            throw filter("NOTIONAL");
        }
        return new Checked(rules, side, qty, quote, clientId, stp, price, resp);
    }

    private static BigDecimal decimal(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) return null;
        if (!v.matches(DECIMAL_RANGE.substring(1, DECIMAL_RANGE.length() - 1))) {
            throw new Refused(BinanceSignature.illegal(name, DECIMAL_RANGE));
        }
        BigDecimal d = new BigDecimal(v);
        if (d.stripTrailingZeros().scale() > FakeBinanceSymbols.PRECISION) {
            throw new Refused(400, -1111, "Parameter '" + name + "' has too much precision.");
        }
        return d;
    }

    private static Refused filter(String name) {
        return new Refused(400, -1013, "Filter failure: " + name);
    }

    private static Refused invalid(String name) {
        return new Refused(400, -1130, "Data sent for parameter '" + name + "' is not valid.");
    }
}
