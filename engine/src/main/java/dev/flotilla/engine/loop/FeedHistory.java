package dev.flotilla.engine.loop;

import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.risk.PriceHistory;
import java.util.List;

/**
 * The candles the feeds already hold, lent to the correlation sizer: each feed's last {@code window} candles, which a
 * start replays from the store, so the sizer sees the same history whether or not the engine was restarted.
 */
public final class FeedHistory implements PriceHistory {

    private final Fleet fleet;

    public FeedHistory(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe) {
        FeedBook book = book(symbol, timeframe);
        return book == null ? List.of() : book.candles();
    }

    @Override
    public boolean holds(Symbol symbol, Timeframe timeframe) {
        FeedBook book = book(symbol, timeframe);
        return book != null && !book.isEmpty();
    }

    private FeedBook book(Symbol symbol, Timeframe timeframe) {
        return fleet.book(new dev.flotilla.engine.model.Feed(symbol, timeframe));
    }
}
