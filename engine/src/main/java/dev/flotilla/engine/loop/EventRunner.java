package dev.flotilla.engine.loop;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.market.CountingMarket;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens at one engine instant, in a fixed order: the mark-to-market loop, the equity snapshot, then each
 * feed due (its regular staggered fetch or a retry), and finally the events of all of it, once committed.
 */
public final class EventRunner {

    private static final Logger log = LoggerFactory.getLogger(EventRunner.class);

    private final EngineConfig config;
    private final Fleet fleet;
    private final TickProcessor ticks;
    private final MarkToMarket marks;
    private final FeedRetries retries;
    private final Store store;
    private final CountingMarket market;
    private final Consumer<List<EngineEvent>> publish;
    private volatile TickTimer tickTimer = TickTimer.NONE;
    private String timeKey = EngineSettings.ENGINE_TIME;

    public EventRunner(EngineConfig config, Fleet fleet, TickProcessor ticks, MarkToMarket marks, FeedRetries retries,
                Store store, CountingMarket market, Consumer<List<EngineEvent>> publish) {
        this.config = config;
        this.fleet = fleet;
        this.ticks = ticks;
        this.marks = marks;
        this.retries = retries;
        this.store = store;
        this.market = market;
        this.publish = publish;
    }

    /** Commits the engine time under {@code key} (an engine node's own, decision 0034). Before the engine starts. */
    public void keepTimeUnder(String key) {
        this.timeKey = key;
    }

    public void timeTicks(TickTimer timer) {
        this.tickTimer = timer;
    }

    /** The first instant at or after {@code cursor} when something is due. */
    public long nextEventTime(long cursor) {
        long next = Math.min(ceil(cursor, config.markIntervalMs()), ceil(cursor, config.snapshotIntervalMs()));
        for (FeedBook book : fleet.feeds()) next = Math.min(next, Math.min(fleet.nextFetch(book), retries.next(book)));
        return next;
    }

    private static long ceil(long t, long period) {
        return Math.floorDiv(t + period - 1, period) * period;
    }

    /** Runs everything due at {@code t}; with {@code trading} false, time and snapshots move on but no bot acts. */
    public void runEventsAt(long t, boolean trading) {
        List<EngineEvent> events = new ArrayList<>();
        store.instant(() -> runAt(t, trading, events));
        for (String warning : market.drainWarnings()) events.add(new SystemEvent.RateLimitWarning(t, null, warning));
        publish.accept(events);
    }

    private void runAt(long t, boolean trading, List<EngineEvent> events) {
        Consumer<Tx> time = tx -> tx.setting(timeKey, Long.toString(t));
        if (trading && t % config.markIntervalMs() == 0) marks.run(fleet.bots(), fleet.symbols(), t, events, time);
        if (t % config.snapshotIntervalMs() == 0) {
            store.write(tx -> {
                EquitySnapshots.take(tx, fleet.bots(), t, events);
                time.accept(tx);
            });
        }
        for (FeedBook book : fleet.feeds()) {
            FeedRetries.Retry retry = retries.dueAt(book, t);
            if (retry != null) {
                tick(book, retry.close(), retry.attempt(), t, trading, events, time);
            } else if (fleet.nextFetch(book) == t) {
                long close = fleet.nextClose(book);
                tick(book, close, 1, t, trading, events, time);
                fleet.advance(book, close);
            }
        }
    }

    /**
     * Every bot on the feed, whether it ticked or not, is marked at the close it now holds. Marks feed the risk
     * checks, so they must come only from data a restart rebuilds: the close of a held candle, or the price loop.
     */
    private void markAtClose(FeedBook book, long close) {
        var last = book.last();
        if (last == null || last.closeTime(book.feed().timeframe()) != close) return;
        java.math.BigDecimal price = book.lastClose();
        for (BotRuntime b : fleet.botsOn(book.feed())) b.update(b.book().withMark(price));
    }

    /**
     * Whether a feed with running bots lacks the candle of this close. Running bots are due at every close, so this only
     * happens on a replay where a restart booked a bot's order from the broker and counted its tick done
     * (Boot.resolvePending) while that tick's candles were never committed: they are fetched and committed all the
     * same, so the feed holds what the stopped run held from this instant on (the correlation sizer and the marks).
     */
    private boolean lostCandles(FeedBook book, long close) {
        var last = book.last();
        if (last != null && last.closeTime(book.feed().timeframe()) >= close) return false;
        for (BotRuntime b : fleet.botsOn(book.feed())) if (b.running()) return true;
        return false;
    }

    /** One attempt at a feed's close; a failed fetch is tried again later (see {@link FeedRetries}). */
    private void tick(FeedBook book, long close, int attempt, long t, boolean trading, List<EngineEvent> events,
                      Consumer<Tx> time) {
        List<BotRuntime> due = trading ? fleet.dueBots(book.feed(), close) : List.of();
        long started = System.nanoTime();
        RuntimeException failed = due.isEmpty() && !(trading && lostCandles(book, close)) ? null
                : ticks.run(book, due, close, t, events, time);
        if (failed == null && !due.isEmpty()) tickTimer.ticked(book.feed(), due.size(), System.nanoTime() - started);
        markAtClose(book, close);
        if (failed == null) {
            retries.clear(book);
            return;
        }
        long notBefore = failed instanceof MarketDataException m ? m.notBefore() : 0;
        long nextRegular = close + book.feed().timeframe().millis() + book.offsetMs();
        FeedRetries.Retry next = retries.failed(book, close, attempt, t, notBefore, nextRegular);
        if (next != null) {
            log.info("feed {}: close {} is tried again at {} (attempt {})", book.feed(),
                    java.time.Instant.ofEpochMilli(close), java.time.Instant.ofEpochMilli(next.at()), next.attempt());
        }
    }
}
