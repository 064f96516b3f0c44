package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;

/** One fill with the purpose of its order (ENTRY, EXIT, STOP_LOSS, ...). */
public record TradeView(long time, String botId, String symbol, Side side, BigDecimal qty, BigDecimal price,
                        BigDecimal fee, String purpose, String clientOrderId) {
}
