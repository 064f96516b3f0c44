package dev.flotilla.engine.api;

import dev.flotilla.engine.model.BotStatus;
import java.math.BigDecimal;

/**
 * A read-only picture of one bot for the console.
 *
 * @param positionQty  0 when flat
 * @param lastTick     engine time of its last completed tick, or 0 before the first
 */
public record BotView(String id, String strategy, String symbol, String timeframe, BotStatus status,
                      BigDecimal equity, BigDecimal cash, BigDecimal positionQty, BigDecimal entryPrice,
                      BigDecimal stopPrice, BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal fees,
                      long lastTick, String lastError) {
}
