package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The limits of the whole fleet and the brakes. Shares are fractions of the fleet's aggregate capital.
 *
 * @param maxExposure       total value of all positions
 * @param maxAsset          value of all positions in one asset
 * @param portfolioDrawdown aggregate equity this far below its peak puts the fleet in REDUCING
 * @param fleetDailyLoss    a loss of this share of the day's opening aggregate equity puts the fleet in REDUCING
 * @param priceCollar       an order priced this far from the last trade price is refused
 * @param maxOrderValue     largest order, in USDT
 * @param maxSymbolValue    largest value of the fleet's position in any one symbol, in USDT
 * @param symbolValues      per-symbol exceptions to maxSymbolValue
 */
public record PortfolioLimits(BigDecimal maxExposure, BigDecimal maxAsset, BigDecimal portfolioDrawdown,
                              BigDecimal fleetDailyLoss, BigDecimal priceCollar, BigDecimal maxOrderValue,
                              BigDecimal maxSymbolValue, SortedMap<Symbol, BigDecimal> symbolValues) {

    /** Prefix of a per-symbol exception's name, e.g. "maxSymbolValue.BTC/USDT"; an empty value removes it. */
    public static final String SYMBOL_VALUE = "maxSymbolValue.";

    public static final PortfolioLimits DEFAULTS = new PortfolioLimits(new BigDecimal("0.50"), new BigDecimal("0.25"),
            new BigDecimal("0.15"), new BigDecimal("0.03"), new BigDecimal("0.02"), new BigDecimal("5000"),
            new BigDecimal("25000"), new TreeMap<>());

    static final List<LimitRule> RULES = List.of(
            LimitRule.fraction("maxExposure", "1"),
            LimitRule.fraction("maxAsset", "1"),
            LimitRule.fraction("portfolioDrawdown", "1"),
            LimitRule.fraction("fleetDailyLoss", "1"),
            LimitRule.fraction("priceCollar", "1"),
            LimitRule.amount("maxOrderValue", "1000000000"),
            LimitRule.amount("maxSymbolValue", "1000000000"));

    public PortfolioLimits {
        maxExposure = LimitRule.plain(maxExposure);
        maxAsset = LimitRule.plain(maxAsset);
        portfolioDrawdown = LimitRule.plain(portfolioDrawdown);
        fleetDailyLoss = LimitRule.plain(fleetDailyLoss);
        priceCollar = LimitRule.plain(priceCollar);
        maxOrderValue = LimitRule.plain(maxOrderValue);
        maxSymbolValue = LimitRule.plain(maxSymbolValue);
        TreeMap<Symbol, BigDecimal> values = new TreeMap<>();
        symbolValues.forEach((sym, v) -> values.put(sym, LimitRule.plain(v)));
        symbolValues = java.util.Collections.unmodifiableSortedMap(values);
    }

    public BigDecimal maxSymbolValue(Symbol s) {
        return symbolValues.getOrDefault(s, maxSymbolValue);
    }

    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maxExposure", maxExposure.toPlainString());
        m.put("maxAsset", maxAsset.toPlainString());
        m.put("portfolioDrawdown", portfolioDrawdown.toPlainString());
        m.put("fleetDailyLoss", fleetDailyLoss.toPlainString());
        m.put("priceCollar", priceCollar.toPlainString());
        m.put("maxOrderValue", maxOrderValue.toPlainString());
        m.put("maxSymbolValue", maxSymbolValue.toPlainString());
        symbolValues.forEach((s, v) -> m.put(SYMBOL_VALUE + s, v.toPlainString()));
        return m;
    }

    /** These limits with some changed; an {@link InvalidLimitException} names the first bad one and its range. */
    public PortfolioLimits with(Map<String, String> changes) {
        Map<String, String> current = values();
        Map<String, String> kept = new TreeMap<>();
        changes.forEach((name, value) -> {
            String key = name.startsWith(SYMBOL_VALUE) ? SYMBOL_VALUE + symbol(name) : name;
            // an empty value removes a per-symbol exception
            if (key.startsWith(SYMBOL_VALUE) && (value == null || value.isBlank())) current.remove(key);
            else kept.put(key, value);
        });
        Map<String, String> v = LimitRule.merge(RULES, current, kept, PortfolioLimits::symbolRule);
        SortedMap<Symbol, BigDecimal> symbols = new TreeMap<>();
        v.forEach((k, val) -> {
            if (k.startsWith(SYMBOL_VALUE)) symbols.put(Symbol.parse(k.substring(SYMBOL_VALUE.length())), new BigDecimal(val));
        });
        return new PortfolioLimits(new BigDecimal(v.get("maxExposure")), new BigDecimal(v.get("maxAsset")),
                new BigDecimal(v.get("portfolioDrawdown")), new BigDecimal(v.get("fleetDailyLoss")),
                new BigDecimal(v.get("priceCollar")), new BigDecimal(v.get("maxOrderValue")),
                new BigDecimal(v.get("maxSymbolValue")), symbols);
    }

    public PortfolioLimits validated() {
        return DEFAULTS.with(values());
    }

    private static LimitRule symbolRule(String name) {
        return name.startsWith(SYMBOL_VALUE) ? LimitRule.amount(name, "1000000000") : null;
    }

    private static Symbol symbol(String name) {
        try {
            return Symbol.parse(name.substring(SYMBOL_VALUE.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidLimitException(name, name + ": " + e.getMessage());
        }
    }
}
