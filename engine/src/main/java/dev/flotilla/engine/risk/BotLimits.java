package dev.flotilla.engine.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One bot's limits. Shares are fractions (0.03 is 3%). What each one means, its default and its range are in
 * {@link #SPECS}, in component order.
 */
public record BotLimits(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStop, BigDecimal maxPosition,
                        int maxTradesPerDay, BigDecimal drawdown, BigDecimal dailyLoss, int cooldownAfter) {

    /** The description of every limit of a bot, in component order. */
    public static final List<LimitSpec> SPECS = List.of(
            LimitSpec.fraction("stopLoss", "Stop-loss", "0.03", "0.5",
                    "the widest stop below the entry price that any position gets"),
            LimitSpec.fractionOrOff("takeProfit", "Take-profit", "0.06", "1",
                    "the position is closed at this gain over its entry price"),
            LimitSpec.fractionOrOff("trailingStop", "Trailing stop", "0", "0.5",
                    "the stop follows the highest price since entry at this distance below it"),
            LimitSpec.fraction("maxPosition", "Maximum position", "0.25", "1",
                    "the largest position, as a share of the bot's capital"),
            LimitSpec.whole("maxTradesPerDay", "Entries per UTC day", 20, 1_000,
                    "positions the bot may open in one UTC day"),
            LimitSpec.fraction("drawdown", "Drawdown breaker", "0.20", "1",
                    "equity this far below the bot's peak halts the bot until an operator resets it"),
            LimitSpec.fraction("dailyLoss", "Daily loss limit", "0.05", "1",
                    "a loss of this share of the day's opening equity blocks entries until 00:00 UTC"),
            LimitSpec.whole("cooldownAfter", "Cooldown after losses", 3, 100,
                    "losses in a row after which each further loss halves the size (never below 10%)"));

    static final List<LimitRule> RULES = LimitSpec.rules(SPECS);

    public static final BotLimits DEFAULTS = LimitSpec.build(BotLimits.class, SPECS, LimitSpec.defaults(SPECS));

    /** Values are kept without trailing zeros, so equal limits are equal records. */
    public BotLimits {
        stopLoss = LimitRule.plain(stopLoss);
        takeProfit = LimitRule.plain(takeProfit);
        trailingStop = LimitRule.plain(trailingStop);
        maxPosition = LimitRule.plain(maxPosition);
        drawdown = LimitRule.plain(drawdown);
        dailyLoss = LimitRule.plain(dailyLoss);
    }

    /** The limits by name, as the store and a settings dialog hold them. */
    public Map<String, String> values() {
        return LimitSpec.values(this, SPECS);
    }

    /**
     * These limits with some of them changed, e.g. {@code {"stopLoss": "0.02"}}. Every value is checked; an
     * {@link InvalidLimitException} names the first bad one and its allowed range.
     */
    public BotLimits with(Map<String, String> changes) {
        return LimitSpec.build(BotLimits.class, SPECS, LimitRule.merge(RULES, values(), changes, name -> null));
    }

    /** Checks limits built in code the same way as typed ones. */
    public BotLimits validated() {
        return DEFAULTS.with(values());
    }
}
