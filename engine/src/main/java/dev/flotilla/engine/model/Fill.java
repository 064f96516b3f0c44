package dev.flotilla.engine.model;

import java.math.BigDecimal;

/** One execution of an order (a trade). Market orders fill whole, so there is one fill per filled order. */
public record Fill(String clientOrderId, String botId, Symbol symbol, Side side, BigDecimal qty, BigDecimal price,
                   BigDecimal fee, long filledAt) {

    public BigDecimal notional() {
        return qty.multiply(price);
    }
}
