package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.util.List;

/** The closed candles the engine already holds, for the correlation sizer; it never asks the market itself. */
@FunctionalInterface
public interface PriceHistory {

    /**
     * Closed candles of a symbol at a timeframe, oldest first; empty when none are held. A list handed out never
     * changes afterwards (new candles come in a new list), so the sizer may keep what it worked out from it.
     */
    List<Candle> candles(Symbol symbol, Timeframe timeframe);

    /** Whether any candle of the symbol at the timeframe is held: {@code candles(...)} not empty, without making a list. */
    default boolean holds(Symbol symbol, Timeframe timeframe) {
        return !candles(symbol, timeframe).isEmpty();
    }

    PriceHistory NONE = (symbol, timeframe) -> List.of();
}
