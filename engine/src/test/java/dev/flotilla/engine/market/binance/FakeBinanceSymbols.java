package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trading rules of the symbols {@link FakeBinance} serves, as exchangeInfo lists them: Binance's filters
 * (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, NOTIONAL) with step sizes like Binance's own for these pairs, and the
 * rest of a symbol's entry (assets, precisions, order types, permission sets).
 */
final class FakeBinanceSymbols {

    static final BigDecimal MIN_NOTIONAL = new BigDecimal("5.00000000");
    static final BigDecimal MAX_NOTIONAL = new BigDecimal("9000000.00000000");
    static final int PRECISION = 8;

    /** One symbol's rules. MARKET_LOT_SIZE has step 0 (disabled) and a lower maximum, as on Binance. */
    record Rules(Symbol symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal maxQty, BigDecimal marketMaxQty) {
        String name() {
            return symbol.compact();
        }

        BigDecimal minQty() {
            return stepSize;
        }
    }

    /** Binance's LOT_SIZE step sizes for these pairs. */
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("BTC", "0.00001"), Map.entry("ETH", "0.0001"), Map.entry("SOL", "0.001"), Map.entry("BNB", "0.001"),
            Map.entry("XRP", "0.1"), Map.entry("ADA", "0.1"), Map.entry("DOGE", "1"), Map.entry("AVAX", "0.01"),
            Map.entry("LINK", "0.01"), Map.entry("DOT", "0.01"), Map.entry("LTC", "0.001"), Map.entry("TRX", "0.1"),
            Map.entry("ATOM", "0.01"));

    private final Map<String, Rules> rules = new LinkedHashMap<>();

    FakeBinanceSymbols(SandboxMarket market) {
        for (Symbol s : SandboxMarket.DEFAULT_SYMBOLS) {
            BigDecimal step = new BigDecimal(STEPS.getOrDefault(s.base(), "0.01")).setScale(PRECISION);
            BigDecimal max = step.movePointRight(9).min(new BigDecimal("9000000")).setScale(PRECISION);
            rules.put(s.compact(), new Rules(s, market.tickSize(s).setScale(PRECISION), step, max,
                    max.movePointLeft(2).setScale(PRECISION)));
        }
    }

    /** The rules of a symbol by its Binance name (BTCUSDT), or null if it is not served. */
    Rules rules(String name) {
        return name == null ? null : rules.get(name);
    }

    List<Rules> all() {
        return List.copyOf(rules.values());
    }

    /** Every asset the served symbols trade, quote assets included. */
    List<String> assets() {
        List<String> assets = new ArrayList<>();
        for (Rules r : rules.values()) {
            if (!assets.contains(r.symbol().base())) assets.add(r.symbol().base());
            if (!assets.contains(r.symbol().quote())) assets.add(r.symbol().quote());
        }
        return assets;
    }

    /**
     * The reply to exchangeInfo: one symbol for {@code symbol}, the listed ones for {@code symbols} (a JSON array),
     * all otherwise; an unknown name gives -1121 (the reply then starts with '!', which FakeBinance turns into a 400).
     */
    String exchangeInfo(long now, int weightLimit, String symbol, String symbols) {
        List<Rules> asked = new ArrayList<>();
        if (symbol != null || symbols != null) {
            String list = symbol != null ? symbol : symbols.replaceAll("[\\[\\]\" ]", "");
            for (String s : list.split(",")) {
                Rules r = rules(s);
                if (r == null) return "!{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
                asked.add(r);
            }
        } else {
            asked.addAll(rules.values());
        }
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(now).append(",\"rateLimits\":[")
                .append("{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":").append(weightLimit).append("},")
                .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},")
                .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":200000},")
                .append("{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}],")
                .append("\"exchangeFilters\":[],\"symbols\":[");
        for (int i = 0; i < asked.size(); i++) {
            if (i > 0) sb.append(',');
            symbol(sb, asked.get(i));
        }
        return sb.append("]}").toString();
    }

    private static void symbol(StringBuilder sb, Rules r) {
        sb.append("{\"symbol\":\"").append(r.name()).append("\",\"status\":\"TRADING\",\"baseAsset\":\"").append(r.symbol().base())
                .append("\",\"baseAssetPrecision\":8,\"quoteAsset\":\"").append(r.symbol().quote())
                .append("\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,\"baseCommissionPrecision\":8,\"quoteCommissionPrecision\":8,")
                .append("\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\",\"STOP_LOSS\",\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT\",\"TAKE_PROFIT_LIMIT\"],")
                .append("\"icebergAllowed\":true,\"ocoAllowed\":true,\"otoAllowed\":true,\"opoAllowed\":true,\"quoteOrderQtyMarketAllowed\":true,")
                .append("\"allowTrailingStop\":true,\"cancelReplaceAllowed\":true,\"amendAllowed\":true,\"pegInstructionsAllowed\":true,")
                .append("\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":true,\"filters\":[")
                .append("{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"").append(r.tickSize().toPlainString())
                .append("\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"").append(r.tickSize().toPlainString()).append("\"},")
                .append("{\"filterType\":\"LOT_SIZE\",\"minQty\":\"").append(r.minQty().toPlainString()).append("\",\"maxQty\":\"")
                .append(r.maxQty().toPlainString()).append("\",\"stepSize\":\"").append(r.stepSize().toPlainString()).append("\"},")
                .append("{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":\"").append(r.marketMaxQty().toPlainString())
                .append("\",\"stepSize\":\"0.00000000\"},")
                .append("{\"filterType\":\"NOTIONAL\",\"minNotional\":\"").append(MIN_NOTIONAL.toPlainString())
                .append("\",\"applyMinToMarket\":true,\"maxNotional\":\"").append(MAX_NOTIONAL.toPlainString())
                .append("\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}],")
                .append("\"permissions\":[],\"permissionSets\":[[\"SPOT\",\"MARGIN\"]],")
                .append("\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\",")
                .append("\"allowedSelfTradePreventionModes\":[\"EXPIRE_TAKER\",\"EXPIRE_MAKER\",\"EXPIRE_BOTH\",\"DECREMENT\"]}");
    }
}
