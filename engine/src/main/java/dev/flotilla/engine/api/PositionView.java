package dev.flotilla.engine.api;

import java.math.BigDecimal;

/**
 * An open or closed position.
 *
 * @param lastPrice the latest price for an open position, the exit price for a closed one (null when unknown)
 * @param pnl       unrealized PnL when open, realized net PnL when closed
 * @param closedAt  null while open
 */
public record PositionView(String botId, String symbol, boolean open, BigDecimal qty, BigDecimal entryPrice,
                           BigDecimal stopPrice, BigDecimal lastPrice, BigDecimal pnl, long openedAt, Long closedAt,
                           String exitReason) {
}
