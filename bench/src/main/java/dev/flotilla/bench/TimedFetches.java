package dev.flotilla.bench;

import dev.flotilla.engine.market.ForwardingMarket;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A market that notes, per candle close, the wall time from the start of its first candle fetch to the end of its
 * last one: what the requests of a close cost in real time, which a virtual clock does not show.
 */
final class TimedFetches extends ForwardingMarket {

    private final Map<Long, long[]> spans = new ConcurrentHashMap<>();

    TimedFetches(MarketData market) {
        super(market);
    }

    /** Nanoseconds from the first fetch of the close's candles starting to the last one ending, or -1. */
    long wallNanos(long close) {
        long[] s = spans.get(close);
        return s == null ? -1 : s[1] - s[0];
    }

    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        long started = System.nanoTime();
        try {
            return market.closedCandles(feed, fromOpenTime, closedBy, limit);
        } finally {
            long ended = System.nanoTime();
            spans.merge(closedBy, new long[] {started, ended}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
    }
}
