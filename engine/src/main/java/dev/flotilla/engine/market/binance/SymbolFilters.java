package dev.flotilla.engine.market.binance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What Binance accepts of a symbol's market orders, from its exchangeInfo filters: LOT_SIZE (or MARKET_LOT_SIZE when
 * it is stricter) for the quantity, NOTIONAL or MIN_NOTIONAL for the order's value, PRICE_FILTER's tick for prices.
 * A quantity is rounded down to the step (never up: that could spend more than the bot has), and an order that would
 * be refused is refused here, before anything is sent.
 */
public record SymbolFilters(String symbol, BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize,
                            BigDecimal minNotional, boolean minNotionalAppliesToMarket, BigDecimal tickSize) {

    /** The reason an order too small for the exchange is refused with, before it is sent. */
    public static final String SIZE_TOO_SMALL = "SIZE_TOO_SMALL";

    /** The quantity rounded down to the lot step. */
    public BigDecimal roundDown(BigDecimal qty) {
        if (stepSize.signum() <= 0) return qty.stripTrailingZeros();
        BigDecimal steps = qty.divide(stepSize, 0, RoundingMode.DOWN);
        return steps.multiply(stepSize).stripTrailingZeros();
    }

    /**
     * Why a market order of {@code qty} (already rounded) at about {@code price} would be refused, or empty.
     * Too small is {@link #SIZE_TOO_SMALL} followed by the detail.
     */
    public Optional<String> refusal(BigDecimal qty, BigDecimal price) {
        if (qty.signum() <= 0 || qty.compareTo(minQty) < 0) {
            return Optional.of(SIZE_TOO_SMALL + ": " + plain(qty) + " " + symbol + " is under the lot minimum of " + plain(minQty));
        }
        if (maxQty.signum() > 0 && qty.compareTo(maxQty) > 0) {
            return Optional.of("quantity " + plain(qty) + " is over Binance's maximum of " + plain(maxQty) + " for " + symbol);
        }
        BigDecimal notional = qty.multiply(price);
        if (minNotionalAppliesToMarket && notional.compareTo(minNotional) < 0) {
            return Optional.of(SIZE_TOO_SMALL + ": an order worth " + notional.setScale(2, RoundingMode.HALF_UP).toPlainString() + " is under "
                    + symbol + "'s minimum notional of " + plain(minNotional));
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
