package dev.flotilla.engine.model;

import java.math.BigDecimal;

/** A round trip: a position from entry to exit, with its PnL net of both fees, and those fees. */
public record ClosedTrade(String botId, Symbol symbol, BigDecimal qty, BigDecimal entryPrice, BigDecimal exitPrice,
                          BigDecimal netPnl, long openedAt, long closedAt, String exitReason, BigDecimal fees) {
}
