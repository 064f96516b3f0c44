package dev.flotilla.engine.history;

import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.BinanceRejected;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings klines from Binance's API into the store's candles table, for backtests: for every feed, the candles of a
 * period that the store does not hold yet, in pages of 1,000 through the market's one client (its shared weight
 * budget, its handling of 429 and 418). Each page is committed as it arrives, so a download that is stopped or fails
 * keeps what it fetched, and a new run asks only for what is still missing: every hole in the period, not only what
 * comes after the latest stored candle. A stretch Binance itself has no candles for (before a symbol was listed, an
 * exchange outage) stays missing and is asked for again, in one or two requests a page, by every later run.
 *
 * <p>The first page of every symbol is asked for before anything else, so a symbol Binance does not list is reported
 * at once rather than after the others' history.
 */
public final class HistoryDownload {

    private static final Logger log = LoggerFactory.getLogger(HistoryDownload.class);
    /** Attempts of one page that fails without saying when to ask again (5xx, timeouts, a bad reply). */
    static final int ATTEMPTS = 5;
    /** A rate limit or ban longer than this stops the download (with what to do) instead of waiting. */
    static final long MAX_WAIT_MS = 15 * 60_000L;
    /** Waits are cut in slices this long, so a stop is seen within one. */
    static final long SLICE_MS = 250;

    private final BinanceMarket market;
    private final Store store;
    private final WallClock clock;
    private final LongSupplier nanos;

    /** A download through {@code market}'s client and clock (Binance's time), timed by the computer's clock. */
    public HistoryDownload(BinanceMarket market, Store store) {
        this(market, store, System::nanoTime);
    }

    /** @param nanos a monotonic time in nanoseconds for the rate and the ETA */
    HistoryDownload(BinanceMarket market, Store store, LongSupplier nanos) {
        this.market = market;
        this.store = store;
        this.clock = market.clock();
        this.nanos = nanos;
    }

    /** One feed's work: its missing stretches of open times, [from, to), and what it has stored. */
    private final class Job {
        final Feed feed;
        final Deque<long[]> stretches;
        final long missing;
        long added;

        Job(Feed feed, Deque<long[]> stretches) {
            this.feed = feed;
            this.stretches = stretches;
            this.missing = stretches.stream().mapToLong(s -> (s[1] - s[0]) / feed.timeframe().millis()).sum();
        }

        boolean done() {
            return stretches.isEmpty();
        }

        FeedDownload result() {
            return new FeedDownload(feed, missing, added, done());
        }
    }

    /** The state of one run, for its progress and its result. */
    private final class Run {
        final List<Job> jobs;
        final long from;
        final long to;
        final long started = nanos.getAsLong();
        final long expected;
        final BooleanSupplier stop;
        final Consumer<DownloadProgress> progress;
        int pages;
        long candles;
        boolean stopped;

        Run(List<Job> jobs, long from, long to, BooleanSupplier stop, Consumer<DownloadProgress> progress) {
            this.jobs = jobs;
            this.from = from;
            this.to = to;
            this.expected = jobs.stream().mapToLong(j -> j.missing).sum();
            this.stop = stop;
            this.progress = progress;
        }

        Duration elapsed() {
            return Duration.ofNanos(nanos.getAsLong() - started);
        }

        void report(String note) {
            Duration elapsed = elapsed();
            Duration eta = null;
            if (candles > 0 && elapsed.toNanos() > 0) {
                eta = Duration.ofNanos((long) (elapsed.toNanos() * (double) Math.max(0, expected - candles) / candles));
            }
            int done = (int) jobs.stream().filter(Job::done).count();
            progress.accept(new DownloadProgress(done, jobs.size(), candles, expected, pages, elapsed, eta, note));
        }

        DownloadResult result() {
            return new DownloadResult(from, to, jobs.stream().map(Job::result).toList(), pages, candles, stopped, elapsed());
        }
    }

    /**
     * Downloads the candles of {@code feeds} from {@code from} to {@code to} that the store does not hold.
     *
     * @param from     start of the period (epoch ms; a candle opening at or after it is in)
     * @param to       end of the period (epoch ms; a candle closing at or before it is in); later than Binance's
     *                 present, e.g. {@link Long#MAX_VALUE}, means up to the last closed candle
     * @param stop     asked before every request and during every wait: true ends the run after the current page
     * @param progress told after every page and when a wait begins
     * @throws IllegalArgumentException when the period is empty (from at or after to, or after Binance's present)
     * @throws DownloadException        when Binance refuses (an unknown symbol) or keeps failing; what was stored stays
     */
    public DownloadResult run(Collection<Feed> feeds, long from, long to, BooleanSupplier stop, Consumer<DownloadProgress> progress) {
        if (feeds.isEmpty()) throw new IllegalArgumentException("no feed to download");
        long now = clock.now();
        if (from >= to) {
            throw new IllegalArgumentException("the period is empty: from " + Instant.ofEpochMilli(from) + " is not before to "
                    + Instant.ofEpochMilli(to));
        }
        if (from >= now) {
            throw new IllegalArgumentException("from " + Instant.ofEpochMilli(from) + " is after Binance's present, "
                    + Instant.ofEpochMilli(now));
        }
        long end = Math.min(to, now);
        List<Job> jobs = new ArrayList<>();
        for (Feed feed : new TreeSet<>(feeds)) jobs.add(new Job(feed, store.missingCandles(feed, from, end)));
        Run run = new Run(jobs, from, end, stop, progress);
        log.info("history download: {} feed(s) from {} to {}, {} candle(s) missing", jobs.size(), Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(end), run.expected);
        run.report(null);
        // the first page of every symbol first: a symbol Binance does not list is named before hours go elsewhere
        Map<Symbol, Job> firsts = new LinkedHashMap<>();
        for (Job j : jobs) if (!j.done()) firsts.putIfAbsent(j.feed.symbol(), j);
        List<String> unknown = new ArrayList<>();
        Throwable unknownCause = null;
        for (Job j : firsts.values()) {
            try {
                if (!page(run, j)) return finish(run);
            } catch (BinanceRejected e) {
                if (e.code() != -1121) throw failure(run, j, e);
                unknown.add(j.feed.symbol().compact());
                unknownCause = e;
            }
        }
        if (!unknown.isEmpty()) {
            throw new DownloadException("Binance does not list " + String.join(", ", unknown) + " (code -1121, invalid symbol);"
                    + " nothing was downloaded for " + (unknown.size() == 1 ? "it" : "them"), run.result(), unknownCause);
        }
        for (Job j : jobs) {
            while (!j.done()) {
                if (!page(run, j)) return finish(run);
            }
        }
        return finish(run);
    }

    private DownloadResult finish(Run run) {
        run.report(null);
        DownloadResult r = run.result();
        log.info("history download {}: {} candle(s) in {} page(s), {} s", r.stopped() ? "stopped" : "done", r.candles(),
                r.pages(), r.elapsed().toSeconds());
        return r;
    }

    private DownloadException failure(Run run, Job job, RuntimeException e) {
        String message = e instanceof BinanceRejected ? e.getMessage()
                : "Binance at " + market.baseUrl() + " failed for " + job.feed + ": " + e.getMessage();
        log.warn("history download stopped: {}", message);
        return new DownloadException(message, run.result(), e);
    }

    /**
     * Fetches and stores the next page of a job: retries a page that fails, waits when the market says when to ask
     * again. Returns false when the stop signal came first (nothing more is asked for).
     */
    private boolean page(Run run, Job job) {
        long len = job.feed.timeframe().millis();
        long[] stretch = job.stretches.peekFirst();
        long first = stretch[0];
        long last = Math.min(stretch[1] - len, first + (BinanceMarket.PAGE - 1) * len);
        int failures = 0;
        while (true) {
            if (run.stop.getAsBoolean()) {
                run.stopped = true;
                return false;
            }
            List<Candle> page;
            try {
                page = market.history(job.feed, first, last);
            } catch (BinanceRejected e) {
                throw e;
            } catch (MarketDataException e) {
                long wait;
                String note;
                if (e.notBefore() > 0) {
                    wait = e.notBefore() - clock.now();
                    if (wait > MAX_WAIT_MS) {
                        throw failure(run, job, new MarketDataException("no request may be sent before "
                                + Instant.ofEpochMilli(e.notBefore()) + "; run the download again after that ("
                                + e.getMessage() + ")", e.notBefore(), e));
                    }
                    note = "waiting " + Math.max(1, Math.ceilDiv(wait, 1000)) + " s: " + e.getMessage();
                } else {
                    if (++failures >= ATTEMPTS) throw failure(run, job, e);
                    wait = 1_000L << (failures - 1);
                    note = "retrying in " + wait / 1000 + " s: " + e.getMessage();
                }
                log.info("history download of {}: {}", job.feed, note);
                run.report(note);
                if (!waitUntil(clock.now() + Math.max(0, wait), run.stop)) {
                    run.stopped = true;
                    return false;
                }
                continue;
            }
            run.pages++;
            if (!page.isEmpty()) store.write(tx -> tx.candles(job.feed, page));
            job.added += page.size();
            run.candles += page.size();
            if (last + len >= stretch[1]) job.stretches.removeFirst();
            else stretch[0] = last + len;
            run.report(null);
            return true;
        }
    }

    /** Waits on the market's clock until {@code t}; false when the stop signal came first. */
    private boolean waitUntil(long t, BooleanSupplier stop) {
        try {
            while (clock.now() < t) {
                if (stop.getAsBoolean()) return false;
                clock.sleepUntil(Math.min(t, clock.now() + SLICE_MS));
            }
            return !stop.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
