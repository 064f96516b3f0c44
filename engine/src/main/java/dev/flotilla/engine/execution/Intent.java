package dev.flotilla.engine.execution;

import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;

/**
 * What a bot decided at one moment, as plain data: buy to enter, or sell its whole position to exit, with the
 * bot's books as they were when it decided. The risk gateway reviews it; what it approves becomes an order.
 *
 * @param purpose   ENTRY, EXIT, STOP_LOSS, TAKE_PROFIT, FLATTEN or MANUAL
 * @param stopPrice for an entry, the stop level it asks for (the gateway holds it to the bot's stop-loss limit)
 * @param sizing    for an entry the risk gateway approved, the JSON of what sized it (stored with the order), else null
 */
public record Intent(BotBook bot, Side side, BigDecimal qty, BigDecimal refPrice, String purpose, String reason,
                     BigDecimal stopPrice, String sizing) {

    /** The operator's "halt and flatten": a sell of every open position. */
    public static final String FLATTEN = "FLATTEN";
    /** The operator's close of chosen positions, from the console. */
    public static final String MANUAL = "MANUAL";

    public Intent(BotBook bot, Side side, BigDecimal qty, BigDecimal refPrice, String purpose, String reason,
                  BigDecimal stopPrice) {
        this(bot, side, qty, refPrice, purpose, reason, stopPrice, null);
    }

    public String botId() {
        return bot.id();
    }

    public Symbol symbol() {
        return bot.symbol();
    }

    public boolean entry() {
        return side == Side.BUY;
    }

    /** An order the operator asked for (FLATTEN, MANUAL), not one a bot or a price decided: a halt does not hold it. */
    public boolean byOperator() {
        return !entry() && (FLATTEN.equals(purpose) || MANUAL.equals(purpose));
    }

    /** The same intent with another size, stop and reason, as a review leaves it. */
    public Intent with(BigDecimal newQty, BigDecimal newStop, String newReason) {
        return new Intent(bot, side, newQty, refPrice, purpose, newReason, newStop, sizing);
    }

    /** The same intent with the record of what sized it. */
    public Intent withSizing(String json) {
        return new Intent(bot, side, qty, refPrice, purpose, reason, stopPrice, json);
    }
}
