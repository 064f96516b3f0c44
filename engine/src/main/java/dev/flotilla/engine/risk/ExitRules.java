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

    /**
     * The first stop of an entry at {@code entry}: the bot's stop-loss below it, or the strategy's own stop
     * ({@code wanted}, NaN for none) when that is tighter and still below the price.
     */
    public static BigDecimal entryStop(BigDecimal entry, double wanted, BotLimits limits) {
        BigDecimal stop = widestStop(entry, limits);
        if (!Double.isNaN(wanted) && wanted < entry.doubleValue() && wanted > stop.doubleValue()) {
            stop = BigDecimal.valueOf(wanted).setScale(8, RoundingMode.HALF_EVEN);
        }
        return stop;
    }

    /**
     * An open position after a candle close: the highest price it has seen, and its stop moved up to the strategy's
     * level ({@code wanted}, NaN for none; only when below the close) and by the trailing stop. A stop only tightens.
     */
    public static Position moved(Position p, BigDecimal high, BigDecimal close, double wanted, BotLimits limits) {
        BigDecimal highest = high.max(p.highestPrice());
        BigDecimal stop = p.stopPrice();
        if (!Double.isNaN(wanted) && wanted > stop.doubleValue() && wanted < close.doubleValue()) {
            stop = BigDecimal.valueOf(wanted).setScale(8, RoundingMode.HALF_EVEN);
        }
        return p.withHighest(highest).withStop(trail(stop, highest, limits));
    }

    /** The widest stop an entry at {@code price} may have under the bot's stop-loss limit. */
    public static BigDecimal widestStop(BigDecimal price, BotLimits limits) {
        return price.multiply(BigDecimal.ONE.subtract(limits.stopLoss())).setScale(8, RoundingMode.HALF_EVEN);
    }
}
