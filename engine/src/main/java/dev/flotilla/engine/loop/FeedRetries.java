package dev.flotilla.engine.loop;

import dev.flotilla.engine.fleet.FeedBook;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When a feed's fetch at a candle close failed, when it is tried again: exponential backoff with jitter per feed
 * (1 s, 2 s, 4 s ... up to 5 min, each drawn between half and all of that), never before the market says asking
 * again can help, and never at or after the feed's next regular fetch, which catches up by itself. A retry is
 * just another event of the engine loop, so one failing feed never holds the others up.
 */
public final class FeedRetries {

    static final long BASE_MS = 1_000;
    static final long CAP_MS = 300_000;

    /** The attempt-th try of the fetch for candle close {@code close}, due at engine time {@code at}. */
    record Retry(long close, int attempt, long at) {
    }

    private final Map<FeedBook, Retry> pending = new HashMap<>();

    /**
     * Schedules the next try after attempt {@code attempt} failed at {@code now}.
     *
     * @param notBefore   engine time before which asking again cannot help (a rate limit), or 0
     * @param nextRegular the feed's next regular fetch; a retry is pointless from then on
     * @return the retry, or null when the next regular fetch comes first
     */
    Retry failed(FeedBook book, long close, int attempt, long now, long notBefore, long nextRegular) {
        long backoff = Math.min(CAP_MS, BASE_MS << Math.min(attempt - 1, 20));
        // the same feed, close and attempt always draw the same jitter, so a replayed run retries at the same times
        double jitter = 0.5 + 0.5 * new SplittableRandom(seed(book, close, attempt)).nextDouble();
        long at = now + Math.max(1, (long) (backoff * jitter));
        // after a rate limit the feeds come back in their usual stagger (none on Binance: its weight budget paces them)
        if (notBefore > 0) at = Math.max(at, notBefore + book.offsetMs());
        if (at >= nextRegular) {
            pending.remove(book);
            return null;
        }
        Retry r = new Retry(close, attempt + 1, at);
        pending.put(book, r);
        return r;
    }

    /**
     * The retry of this feed due at {@code t}, or null. It stays scheduled until {@link #failed} or {@link #clear}
     * settles it, so an instant that is replayed (after a store failure) tries it again.
     */
    Retry dueAt(FeedBook book, long t) {
        Retry r = pending.get(book);
        return r == null || r.at() != t ? null : r;
    }

    /** The feed's close was fetched (or nobody needed it): nothing more to try. */
    void clear(FeedBook book) {
        pending.remove(book);
    }

    /** Engine time of this feed's pending retry, or Long.MAX_VALUE. */
    long next(FeedBook book) {
        Retry r = pending.get(book);
        return r == null ? Long.MAX_VALUE : r.at();
    }

    private static long seed(FeedBook book, long close, int attempt) {
        return book.feed().toString().hashCode() * 1_000_003L + close * 31 + attempt;
    }
}
