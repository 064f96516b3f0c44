package dev.flotilla.engine.kernel;

import dev.flotilla.engine.strategy.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How big an entry is and where its first stop sits. The risk hierarchy may shrink or refuse it later. */
final class Sizing {

    static final int QTY_SCALE = 6;

    private final EngineConfig config;

    Sizing(EngineConfig config) {
        this.config = config;
    }

    /**
     * The configured share of the bot's cash, in whole lots, leaving room for fee and slippage, and kept below
     * {@code cap} (the bot's position limit and the order-value brake), so a bot whose cash has grown trades a
     * capped size instead of being refused.
     */
    BigDecimal entryQty(BigDecimal cash, BigDecimal price, BigDecimal cap) {
        BigDecimal budget = cash.multiply(config.positionFraction()).min(cap);
        BigDecimal costPerUnit = price.multiply(BigDecimal.ONE.add(config.feeRate()).add(config.slippageBps().movePointLeft(4)));
        return budget.divide(costPerUnit, QTY_SCALE, RoundingMode.DOWN);
    }

    /** The bot's stop-loss below the entry price, or the strategy's own stop when it is tighter. */
    BigDecimal stop(BigDecimal entry, Decision d, BigDecimal stopLoss) {
        BigDecimal stop = entry.multiply(BigDecimal.ONE.subtract(stopLoss));
        if (d.hasStop() && d.stopPrice() < entry.doubleValue() && d.stopPrice() > stop.doubleValue()) {
            stop = BigDecimal.valueOf(d.stopPrice());
        }
        return stop.setScale(8, RoundingMode.HALF_EVEN);
    }
}
