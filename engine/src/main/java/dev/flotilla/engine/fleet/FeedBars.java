package dev.flotilla.engine.fleet;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.strategy.Bars;
import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.engine.strategy.ClosedBarSeries;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.Strategy;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One feed's ta4j series, grown by one bar per closed candle for the life of the engine, and the strategy of every
 * bot on the feed bound to it once. Every strategy, running or stopped, is primed at regular bars, so their
 * indicators' caches hold exactly what a run from the feed's first stored candle computes: a restart replays the
 * stored candles through {@link #append} and gets the same values (docs/decisions/0011).
 */
public final class FeedBars {

    /** Bars between primings; far below {@link Bars#MAX_BARS} less the longest look-back (250). */
    static final int PRIME_EVERY = 100;

    private final Feed feed;
    private final int maxBars;
    private final Map<String, Strategy> strategies = new TreeMap<>();
    private final Map<String, BoundStrategy> bound = new HashMap<>();
    /** A bot whose indicators failed while priming, and why; it fails its next tick alone. */
    private final Map<String, RuntimeException> failed = new HashMap<>();
    private ClosedBarSeries series;

    public FeedBars(Feed feed) {
        this(feed, Bars.MAX_BARS);
    }

    FeedBars(Feed feed, int maxBars) {
        this.feed = feed;
        this.maxBars = maxBars;
        this.series = Bars.growing(feed.toString(), maxBars);
    }

    /**
     * Binds a bot's strategy to the series as it is. Its indicators only match a restart's once the feed has been
     * replayed from its first stored candle ({@link #clear} then {@link #append} of every candle), as the fleet does.
     */
    public void bind(String botId, Strategy strategy) {
        strategies.put(botId, strategy);
        failed.remove(botId);
        bindTo(botId, strategy);
    }

    /** Binds one strategy; one that fails (a plug-in's code) fails its bot's next tick alone. */
    private void bindTo(String botId, Strategy strategy) {
        try {
            bound.put(botId, strategy.bind(series));
        } catch (RuntimeException e) {
            bound.remove(botId);
            failed.put(botId, e);
        }
    }

    public void unbind(String botId) {
        strategies.remove(botId);
        bound.remove(botId);
        failed.remove(botId);
    }

    /** Starts an empty series, every strategy bound to it afresh, for a replay from the first stored candle. */
    void clear() {
        series = Bars.growing(feed.toString(), maxBars);
        bound.clear();
        failed.clear();
        strategies.forEach(this::bindTo);
    }

    /**
     * Adds a checked closed candle as the newest bar; every {@link #PRIME_EVERY} bars it primes every bound strategy.
     * A recursive ta4j indicator asked for bar i computes every bar from the last it holds up to i in order, so its
     * value never depends on which bars were asked for, only on the bars being there: priming this often keeps every
     * indicator, a stopped bot's too, far inside the bars the series keeps, and a running bot's own reads fill the rest.
     */
    void append(Candle c) {
        series.addBar(Bars.bar(feed.timeframe(), c));
        int index = series.newestIndex();
        if (index % PRIME_EVERY != 0) return;
        for (var e : bound.entrySet()) {
            if (failed.containsKey(e.getKey())) continue;
            try {
                e.getValue().prime(index);
            } catch (RuntimeException ex) {
                failed.put(e.getKey(), ex);
            }
        }
    }

    /** The bot's decision at the newest bar. */
    public Decision evaluate(String botId, OpenPosition position) {
        RuntimeException e = failed.get(botId);
        if (e != null) throw new IllegalStateException("the indicators of bot " + botId + " failed: " + e.getMessage(), e);
        BoundStrategy s = bound.get(botId);
        if (s == null) throw new IllegalStateException("bot " + botId + " has no strategy bound on " + feed);
        return s.evaluate(series.newestIndex(), position);
    }

    public ClosedBarSeries series() {
        return series;
    }
}
