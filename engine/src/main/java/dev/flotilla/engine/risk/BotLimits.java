package dev.flotilla.engine.risk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bot's limits. Shares are fractions (0.03 is 3%).
 *
 * @param stopLoss        stop distance below the entry price that every position gets at most
 * @param takeProfit      exit at this gain over the entry price; 0 turns it off
 * @param trailingStop    the stop follows the highest price at this distance; 0 turns it off
 * @param maxPosition     largest position as a share of the bot's capital
 * @param maxTradesPerDay entries per UTC day
 * @param drawdown        equity this far below its peak halts the bot until an operator resets it
 * @param dailyLoss       a loss of this share of the day's opening equity blocks entries until 00:00 UTC
 * @param cooldownAfter   losses in a row after which each further loss halves the size (never below 10%)
 */
public record BotLimits(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStop, BigDecimal maxPosition,
                        int maxTradesPerDay, BigDecimal drawdown, BigDecimal dailyLoss, int cooldownAfter) {

    public static final BotLimits DEFAULTS = new BotLimits(new BigDecimal("0.03"), new BigDecimal("0.06"), BigDecimal.ZERO,
            new BigDecimal("0.25"), 20, new BigDecimal("0.20"), new BigDecimal("0.05"), 3);

    /** Values are kept without trailing zeros, so equal limits are equal records. */
    public BotLimits {
        stopLoss = LimitRule.plain(stopLoss);
        takeProfit = LimitRule.plain(takeProfit);
        trailingStop = LimitRule.plain(trailingStop);
        maxPosition = LimitRule.plain(maxPosition);
        drawdown = LimitRule.plain(drawdown);
        dailyLoss = LimitRule.plain(dailyLoss);
    }

    static final List<LimitRule> RULES = List.of(
            LimitRule.fraction("stopLoss", "0.5"),
            LimitRule.fractionOrOff("takeProfit", "1"),
            LimitRule.fractionOrOff("trailingStop", "0.5"),
            LimitRule.fraction("maxPosition", "1"),
            LimitRule.whole("maxTradesPerDay", 1_000),
            LimitRule.fraction("drawdown", "1"),
            LimitRule.fraction("dailyLoss", "1"),
            LimitRule.whole("cooldownAfter", 100));

    /** The limits by name, as the store and a settings dialog hold them. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("stopLoss", stopLoss.toPlainString());
        m.put("takeProfit", takeProfit.toPlainString());
        m.put("trailingStop", trailingStop.toPlainString());
        m.put("maxPosition", maxPosition.toPlainString());
        m.put("maxTradesPerDay", Integer.toString(maxTradesPerDay));
        m.put("drawdown", drawdown.toPlainString());
        m.put("dailyLoss", dailyLoss.toPlainString());
        m.put("cooldownAfter", Integer.toString(cooldownAfter));
        return m;
    }

    /**
     * These limits with some of them changed, e.g. {@code {"stopLoss": "0.02"}}. Every value is checked; an
     * {@link InvalidLimitException} names the first bad one and its allowed range.
     */
    public BotLimits with(Map<String, String> changes) {
        Map<String, String> v = LimitRule.merge(RULES, values(), changes, name -> null);
        return new BotLimits(new BigDecimal(v.get("stopLoss")), new BigDecimal(v.get("takeProfit")),
                new BigDecimal(v.get("trailingStop")), new BigDecimal(v.get("maxPosition")),
                Integer.parseInt(v.get("maxTradesPerDay")), new BigDecimal(v.get("drawdown")),
                new BigDecimal(v.get("dailyLoss")), Integer.parseInt(v.get("cooldownAfter")));
    }

    /** Checks limits built in code the same way as typed ones. */
    public BotLimits validated() {
        return DEFAULTS.with(values());
    }
}
