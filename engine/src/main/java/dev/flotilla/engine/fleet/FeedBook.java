package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The recent closed candles of one feed, shared by every bot on it: fetched once per candle close and
 * kept to a fixed window so that every evaluation sees exactly the same bars, restart or not.
 */
public final class FeedBook {

    private final Feed feed;
    private final int window;
    private final long offsetMs;
    private final Deque<Candle> candles = new ArrayDeque<>();

    public FeedBook(Feed feed, int window, long offsetMs) {
        this.feed = feed;
        this.window = window;
        this.offsetMs = offsetMs;
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
        return candles.peekLast().openTime() + feed.timeframe().millis();
    }

    /**
     * Appends candles newer than the last one held, keeping the window; returns the ones accepted.
     * Out-of-order, duplicate or impossible candles are refused with a message.
     */
    public List<Candle> append(List<Candle> fresh) {
        List<Candle> accepted = new ArrayList<>();
        long tf = feed.timeframe().millis();
        for (Candle c : fresh) {
            Candle last = candles.peekLast();
            if (last != null && c.openTime() <= last.openTime()) continue;  // already held
            String problem = CandleCheck.problem(c, tf);
            if (problem != null) throw new BadCandleException(feed + ": " + problem);
            candles.addLast(c);
            accepted.add(c);
            while (candles.size() > window) candles.removeFirst();
        }
        return accepted;
    }

    public List<Candle> candles() {
        return List.copyOf(candles);
    }

    public Candle last() {
        return candles.peekLast();
    }

    public boolean isEmpty() {
        return candles.isEmpty();
    }
}
