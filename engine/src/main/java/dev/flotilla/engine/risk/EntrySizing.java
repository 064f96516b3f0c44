package dev.flotilla.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How big an entry is before the checks: the configured share of the bot's cash in whole lots, leaving room for
 * fee and slippage, and kept below the bot's position limit and the order-value brake, so a bot whose cash has grown
 * trades a capped size instead of being refused. The sizers of the checks may shrink it afterwards.
 *
 * @param positionFraction share of a bot's cash an entry uses
 * @param feeRate          taker fee as a fraction of the notional
 * @param slippageBps      expected slippage in basis points
 */
public record EntrySizing(BigDecimal positionFraction, BigDecimal feeRate, BigDecimal slippageBps) {

    static final int QTY_SCALE = 6;

    public static final EntrySizing DEFAULTS = new EntrySizing(new BigDecimal("0.20"), new BigDecimal("0.001"),
            new BigDecimal("5"));

    BigDecimal qty(BigDecimal cash, BigDecimal price, BigDecimal cap) {
        BigDecimal budget = cash.multiply(positionFraction).min(cap);
        BigDecimal costPerUnit = price.multiply(BigDecimal.ONE.add(feeRate).add(slippageBps.movePointLeft(4)));
        return budget.divide(costPerUnit, QTY_SCALE, RoundingMode.DOWN);
    }
}
