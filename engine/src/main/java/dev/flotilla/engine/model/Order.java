package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * A market order as the ledger knows it. It is stored as PENDING before it is sent.
 *
 * @param stopPrice for an entry, the stop its position gets; null for exits
 * @param purpose   why it was made: ENTRY, EXIT (strategy), STOP_LOSS, ...
 * @param tickClose the candle close of the tick that made it, or null when the price loop made it
 */
public record Order(String clientOrderId, String botId, Symbol symbol, Side side, BigDecimal qty, BigDecimal refPrice,
                    BigDecimal stopPrice, String purpose, OrderStatus status, Long tickClose, long createdAt, long updatedAt, String reason) {

    public Order withStatus(OrderStatus s, long at, String why) {
        return new Order(clientOrderId, botId, symbol, side, qty, refPrice, stopPrice, purpose, s, tickClose, createdAt, at, why);
    }
}
