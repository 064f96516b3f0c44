package dev.flotilla.engine.boot;

import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the engine boots: fetches, for every feed, the closed candles missing since the last one stored (the
 * strategies' window of them on a first start) in pages of 1,000, and stores them, so the feeds start complete
 * and the first ticks ask for one candle each. It waits when the market says when to ask again (a full weight
 * budget, a short rate limit); a feed that keeps failing is left to the engine's own fetches, which continue from
 * the last candle held. Progress is reported as it goes.
 */
public final class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    /** Longer waits than this (an IP ban) are left to the engine rather than hold the start up. */
    static final long MAX_WAIT_MS = 120_000;
    static final int ATTEMPTS = 3;
    /** After this many feeds in a row failed, the market is taken to be down: the rest is left to the engine. */
    static final int FAILED_FEEDS_IN_A_ROW = 2;

    public record Result(int feeds, int pages, long candles, List<Feed> failed) {
    }

    private Backfill() {
    }

    /** The distinct feeds of the fleet stored in the data folder, in order. */
    public static List<Feed> feeds(Store store) {
        TreeSet<Feed> feeds = new TreeSet<>();
        for (BotSpec b : store.bots()) feeds.add(b.feed());
        return List.copyOf(feeds);
    }

    /**
     * @param clock    the market's time, which the engine will follow; waits are made on it
     * @param window   candles a strategy sees; a feed with nothing stored gets that many
     * @param pageSize candles per request (Binance's largest page is 1,000)
     * @param progress receives one line per finished feed and a summary
     */
    public static Result run(Store store, MarketData market, Collection<Feed> feeds, WallClock clock, int window,
                             int pageSize, Consumer<String> progress) throws InterruptedException {
        long now = clock.now();
        int done = 0;
        int pages = 0;
        long candles = 0;
        List<Feed> failed = new ArrayList<>();
        int failedInARow = 0;
        for (Feed feed : feeds) {
            if (failedInARow >= FAILED_FEEDS_IN_A_ROW) {
                failed.add(feed);
                continue;
            }
            long len = feed.timeframe().millis();
            long lastClose = feed.timeframe().lastCloseAtOrBefore(now);
            List<Candle> stored = store.candles(feed, lastClose, 1);
            long from = stored.isEmpty() ? lastClose - window * len : stored.getLast().openTime() + len;
            int feedPages = 0;
            long feedCandles = 0;
            int failures = 0;
            while (from < lastClose) {
                List<Candle> page;
                try {
                    page = market.closedCandles(feed, from, lastClose, pageSize);
                } catch (MarketDataException e) {
                    long wait = e.notBefore() - clock.now();
                    if (e.notBefore() > 0 && wait <= MAX_WAIT_MS) {
                        clock.sleepUntil(e.notBefore());
                        continue;
                    }
                    if (++failures < ATTEMPTS && e.notBefore() == 0) {
                        clock.sleepUntil(clock.now() + 1_000L * failures);
                        continue;
                    }
                    failed.add(feed);
                    log.warn("backfill of {} stopped: {}", feed, e.getMessage());
                    break;
                }
                if (page.isEmpty()) break;
                store.write(tx -> tx.candles(feed, page));
                feedPages++;
                feedCandles += page.size();
                from = page.getLast().openTime() + len;
            }
            failedInARow = failed.contains(feed) ? failedInARow + 1 : 0;
            if (failedInARow == FAILED_FEEDS_IN_A_ROW) {
                report(progress, "backfill: " + failedInARow + " feeds in a row failed; the market seems down, the rest is"
                        + " left to the engine's own fetches");
            }
            done++;
            pages += feedPages;
            candles += feedCandles;
            if (feedPages > 0 || failed.contains(feed)) {
                report(progress, String.format("backfill %d/%d feeds: %s %d candle(s) in %d page(s)%s", done, feeds.size(),
                        feed, feedCandles, feedPages, failed.contains(feed) ? " (stopped early, the engine carries on)" : ""));
            }
        }
        Result r = new Result(feeds.size(), pages, candles, List.copyOf(failed));
        report(progress, String.format("backfill done: %d feeds, %d page(s), %d candle(s)%s", feeds.size(), pages, candles,
                failed.isEmpty() ? "" : ", " + failed.size() + " feed(s) incomplete"));
        return r;
    }

    private static void report(Consumer<String> progress, String line) {
        log.info(line);
        progress.accept(line);
    }
}
