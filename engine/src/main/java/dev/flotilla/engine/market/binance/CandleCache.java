package dev.flotilla.engine.market.binance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed candles already fetched, in memory, for everything in the process that asks the market (every bot's feed,
 * the backfill): a closed candle never changes, so it is never asked for twice while it is held. Bounded in size;
 * the least used go first.
 */
final class CandleCache {

    private record Key(Feed feed, long openTime) {
    }

    private final Cache<Key, Candle> cache;

    CandleCache(long maxCandles) {
        this.cache = Caffeine.newBuilder().maximumSize(maxCandles).build();
    }

    /** The cached candles of a feed that open at {@code firstOpen} and after without a hole, at most {@code max}. */
    List<Candle> run(Feed feed, long firstOpen, int max) {
        List<Candle> out = new ArrayList<>();
        long len = feed.timeframe().millis();
        for (long t = firstOpen; out.size() < max; t += len) {
            Candle c = cache.getIfPresent(new Key(feed, t));
            if (c == null) break;
            out.add(c);
        }
        return out;
    }

    void put(Feed feed, List<Candle> candles) {
        for (Candle c : candles) cache.put(new Key(feed, c.openTime()), c);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
