package dev.flotilla.engine.model;

import java.math.BigDecimal;

/** A bot's open long position. */
public record Position(long id, String botId, Symbol symbol, BigDecimal qty, BigDecimal entryPrice, BigDecimal entryFee,
                       BigDecimal stopPrice, BigDecimal highestPrice, long openedAt, String entryOrder) {

    public Position withStop(BigDecimal stop) {
        return new Position(id, botId, symbol, qty, entryPrice, entryFee, stop, highestPrice, openedAt, entryOrder);
    }

    public Position withHighest(BigDecimal high) {
        return new Position(id, botId, symbol, qty, entryPrice, entryFee, stopPrice, high, openedAt, entryOrder);
    }

    public Position withQty(BigDecimal q) {
        return new Position(id, botId, symbol, q, entryPrice, entryFee, stopPrice, highestPrice, openedAt, entryOrder);
    }

    public BigDecimal cost() {
        return qty.multiply(entryPrice);
    }
}
