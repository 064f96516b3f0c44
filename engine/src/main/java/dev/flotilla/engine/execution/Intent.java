package dev.flotilla.engine.execution;

import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;

/**
 * What a bot wants done: buy to enter, or sell its whole position to exit.
 *
 * @param purpose   ENTRY, EXIT or STOP_LOSS
 * @param stopPrice for an entry, the stop level to set (already chosen by the engine)
 * @param sizing    for an entry the risk gateway approved, the JSON of what sized it (stored with the order), else null
 */
public record Intent(BotRuntime bot, Side side, BigDecimal qty, BigDecimal refPrice, String purpose, String reason,
                     BigDecimal stopPrice, String sizing) {

    public Intent(BotRuntime bot, Side side, BigDecimal qty, BigDecimal refPrice, String purpose, String reason,
                  BigDecimal stopPrice) {
        this(bot, side, qty, refPrice, purpose, reason, stopPrice, null);
    }
}
