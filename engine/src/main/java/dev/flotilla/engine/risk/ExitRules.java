package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The per-bot protections of an open position: its stop-loss, the optional take-profit and the optional trailing
 * stop. The candle-close tick and the mark-to-market loop ask the same questions here, so a position is treated
 * alike whichever of them sees the price first.
 */
public final class ExitRules {

    public static final String STOP_LOSS = "STOP_LOSS";
    public static final String TAKE_PROFIT = "TAKE_PROFIT";

    /** An exit a price calls for: STOP_LOSS or TAKE_PROFIT, with the reason the order carries. */
    public record Exit(String purpose, String reason) {
    }

    private ExitRules() {
    }

    /**
     * The exit that {@code price} calls for, or null.
     *
     * @param what names the price in the reason, e.g. "close" or "price"
     */
    public static Exit at(Position p, BigDecimal price, BotLimits limits, String what) {
        if (price.compareTo(p.stopPrice()) <= 0) {
            return new Exit(STOP_LOSS, what + " " + price.toPlainString() + " at or below stop " + p.stopPrice().toPlainString());
        }
        BigDecimal target = takeProfit(p, limits);
        if (target != null && price.compareTo(target) >= 0) {
            return new Exit(TAKE_PROFIT, what + " " + price.toPlainString() + " at or above take-profit " + target.toPlainString());
        }
        return null;
    }

    /** The take-profit level of a position, or null when take-profit is off. */
    public static BigDecimal takeProfit(Position p, BotLimits limits) {
        if (limits.takeProfit().signum() == 0) return null;
        return p.entryPrice().multiply(BigDecimal.ONE.add(limits.takeProfit())).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** The stop after the trailing stop followed {@code highest}; a stop only ever tightens. */
    public static BigDecimal trail(BigDecimal stop, BigDecimal highest, BotLimits limits) {
        if (limits.trailingStop().signum() == 0) return stop;
        BigDecimal trailed = highest.multiply(BigDecimal.ONE.subtract(limits.trailingStop())).setScale(8, RoundingMode.HALF_EVEN);
        return trailed.compareTo(stop) > 0 ? trailed : stop;
    }

    /** The widest stop an entry at {@code price} may have under the bot's stop-loss limit. */
    public static BigDecimal widestStop(BigDecimal price, BotLimits limits) {
        return price.multiply(BigDecimal.ONE.subtract(limits.stopLoss())).setScale(8, RoundingMode.HALF_EVEN);
    }
}
