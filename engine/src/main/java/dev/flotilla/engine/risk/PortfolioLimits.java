package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The limits of the whole fleet and the brakes. Shares are fractions of the fleet's aggregate capital. What each one
 * means, its default and its range are in {@link #SPECS}, in component order.
 *
 * @param symbolValues per-symbol exceptions to maxSymbolValue
 */
public record PortfolioLimits(BigDecimal maxExposure, BigDecimal maxAsset, BigDecimal portfolioDrawdown,
                              BigDecimal fleetDailyLoss, BigDecimal priceCollar, BigDecimal maxOrderValue,
                              BigDecimal maxSymbolValue, SortedMap<Symbol, BigDecimal> symbolValues) {

    /** Prefix of a per-symbol exception's name, e.g. "maxSymbolValue.BTC/USDT"; an empty value removes it. */
    public static final String SYMBOL_VALUE = "maxSymbolValue.";

    /** The description of every limit of the fleet, in component order; per-symbol exceptions share the last one's. */
    public static final List<LimitSpec> SPECS = List.of(
            LimitSpec.fraction("maxExposure", "Total exposure", "0.50", "1",
                    "the value of all open positions, as a share of the fleet's capital"),
            LimitSpec.fraction("maxAsset", "One asset", "0.25", "1",
                    "the value of all positions in one asset, as a share of the fleet's capital"),
            LimitSpec.fraction("portfolioDrawdown", "Portfolio drawdown", "0.15", "1",
                    "fleet equity this far below its peak puts the fleet in REDUCING until an operator resets it"),
            LimitSpec.fraction("fleetDailyLoss", "Fleet daily loss", "0.03", "1",
                    "a loss of this share of the day's opening fleet equity puts the fleet in REDUCING until 00:00 UTC"),
            LimitSpec.fraction("priceCollar", "Price collar", "0.02", "1",
                    "an order priced this far from the last trade price is refused"),
            LimitSpec.amount("maxOrderValue", "Maximum order value", "5000", "1000000000",
                    "the largest value of one order"),
            LimitSpec.amount("maxSymbolValue", "Maximum value per symbol", "25000", "1000000000",
                    "the largest value of the fleet's position in any one symbol"));

    static final List<LimitRule> RULES = LimitSpec.rules(SPECS);

    public static final PortfolioLimits DEFAULTS = LimitSpec.build(PortfolioLimits.class, SPECS,
            LimitSpec.defaults(SPECS), new TreeMap<Symbol, BigDecimal>());

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
        Map<String, String> m = new LinkedHashMap<>(LimitSpec.values(this, SPECS));
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
        return LimitSpec.build(PortfolioLimits.class, SPECS, v, symbols);
    }

    public PortfolioLimits validated() {
        return DEFAULTS.with(values());
    }

    private static LimitRule symbolRule(String name) {
        LimitRule general = SPECS.getLast().rule();
        return name.startsWith(SYMBOL_VALUE) ? new LimitRule(name, general.kind(), general.max()) : null;
    }

    private static Symbol symbol(String name) {
        try {
            return Symbol.parse(name.substring(SYMBOL_VALUE.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidLimitException(name, name + ": " + e.getMessage());
        }
    }
}
