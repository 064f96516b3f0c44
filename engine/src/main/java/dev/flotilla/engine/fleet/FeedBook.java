package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed candles of one feed, shared by every bot on it and fetched once per candle close: the last
 * {@code window} of them as candles (for fetching and the correlation sizer), and all of them as the feed's growing
 * series with every bot's strategy bound to it ({@link FeedBars}).
 */
public final class FeedBook {

    private final Feed feed;
    private final int window;
    private final long offsetMs;
    private final CandleWindow candles;
    private final FeedBars bars;
    /** {@link #lastClose()} and the candle it is of. */
    private java.math.BigDecimal lastClose;
    private Candle lastCloseOf;

    public FeedBook(Feed feed, int window, long offsetMs) {
        this.feed = feed;
        this.window = window;
        this.offsetMs = offsetMs;
        this.candles = new CandleWindow(window);
        this.bars = new FeedBars(feed);
    }

    public Feed feed() {
        return feed;
    }

    /** How long after a candle close this feed is fetched, so that feeds never all ask at once. */
    public long offsetMs() {
        return offsetMs;
    }

    public int window() {
        return window;
    }

    /** Open time of the first candle still missing, for a fetch that must end at {@code close}. */
    public long fetchFrom(long close) {
        if (candles.isEmpty()) return close - (long) window * feed.timeframe().millis();
        return candles.last().openTime() + feed.timeframe().millis();
    }

    /**
     * Appends candles newer than the last one held, keeping the window and growing the series (which primes every
     * bot's indicators at each new bar); returns the ones accepted.
     * Out-of-order, duplicate or impossible candles are refused with a message.
     */
    public List<Candle> append(List<Candle> fresh) {
        List<Candle> accepted = new ArrayList<>();
        long tf = feed.timeframe().millis();
        for (Candle c : fresh) {
            Candle last = candles.last();
            if (last != null && c.openTime() <= last.openTime()) continue;  // already held
            String problem = CandleCheck.problem(c, tf);
            if (problem != null) throw new BadCandleException(feed + ": " + problem);
            bars.append(c);
            candles.add(c);
            accepted.add(c);
        }
        return accepted;
    }

    /** Forgets every candle held and starts an empty series, for a replay of the feed from the store. */
    public void clear() {
        candles.clear();
        bars.clear();
    }

    /** The feed's series and the strategies bound to it. */
    public FeedBars bars() {
        return bars;
    }

    /** The last {@code window} candles held, oldest first: the same immutable list until they change. */
    public List<Candle> candles() {
        return candles.list();
    }

    public Candle last() {
        return candles.last();
    }

    /** The last candle's close as a decimal (the bots' mark at its close), made once per candle; null when none is held. */
    public java.math.BigDecimal lastClose() {
        Candle last = candles.last();
        if (last == null) return null;
        if (last != lastCloseOf) {
            lastClose = java.math.BigDecimal.valueOf(last.close());
            lastCloseOf = last;
        }
        return lastClose;
    }

    public boolean isEmpty() {
        return candles.isEmpty();
    }
}
