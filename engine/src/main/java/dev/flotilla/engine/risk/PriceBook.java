package dev.flotilla.engine.risk;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The last trade price of each symbol, as the mark-to-market loop last fetched it (every symbol of the fleet,
 * every 10 s of engine time). The price collar compares orders with it; exposure is valued at it.
 */
final class PriceBook {

    private final Map<Symbol, BigDecimal> last = new HashMap<>();

    void observe(Map<Symbol, BigDecimal> prices) {
        last.putAll(prices);
    }

    /** The last trade price, or null before the first. */
    BigDecimal last(Symbol s) {
        return last.get(s);
    }

    /** A position's value at the last trade price, else at the bot's own mark, else at its entry price. */
    BigDecimal value(BotBook bot, Position p) {
        BigDecimal price = last.get(p.symbol());
        if (price == null) price = bot.mark() != null ? bot.mark() : p.entryPrice();
        return price.multiply(p.qty());
    }

    /**
     * An approved entry not yet settled, valued as its position will be: at the last trade price, else at the price it
     * was decided at. A restart that books the entry's fill from the broker before the batch is decided again values
     * it as a position, so the entries after it in the batch see the same exposure either way.
     */
    BigDecimal value(Intent entry) {
        BigDecimal price = last.get(entry.symbol());
        return (price == null ? entry.refPrice() : price).multiply(entry.qty());
    }
}
