package dev.flotilla.engine.backtest;

import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stored candles served as a market that never runs ahead of the engine clock: a backtest's engine asks it exactly as
 * it asks the sandbox or Binance. Candles are held in memory, one sorted array per feed, and found by binary search. A
 * symbol's last price is the close of its finest candle closed by now, the price a trader looking at the chart then
 * would have seen.
 */
public final class HistoryMarket implements MarketData {

    private final Map<Feed, Candle[]> feeds;
    /**
     * Each candle's close as the decimal {@link #lastPrices} gives, made the first time it is asked for and then shared
     * by every run on this history (a mark every 15 minutes of every run asked for the same few thousand again).
     */
    private final Map<Feed, BigDecimal[]> closes;
    /** Each symbol's held feeds, finest first: where {@link #lastPrices} looks, without a key made per timeframe. */
    private final Map<Symbol, Feed[]> bySymbol;
    private final EngineClock clock;

    /** @param candles each feed's candles, oldest first, one per open time */
    public HistoryMarket(Map<Feed, List<Candle>> candles, EngineClock clock) {
        this(clock, arrays(candles));
    }

    private HistoryMarket(EngineClock clock, Map<Feed, Candle[]> feeds) {
        this(clock, feeds, decimals(feeds));
    }

    private HistoryMarket(EngineClock clock, Map<Feed, Candle[]> feeds, Map<Feed, BigDecimal[]> closes) {
        this.feeds = feeds;
        this.closes = closes;
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<Symbol, java.util.List<Feed>> held = new java.util.HashMap<>();
        for (Feed f : feeds.keySet()) held.computeIfAbsent(f.symbol(), k -> new java.util.ArrayList<>()).add(f);
        Map<Symbol, Feed[]> m = new java.util.HashMap<>();
        held.forEach((sym, list) -> m.put(sym, list.stream()
                .sorted(java.util.Comparator.comparing(Feed::timeframe)).toArray(Feed[]::new)));
        this.bySymbol = m;
    }

    private static Map<Feed, Candle[]> arrays(Map<Feed, List<Candle>> candles) {
        Map<Feed, Candle[]> m = new LinkedHashMap<>();
        candles.forEach((feed, list) -> {
            Candle[] array = list.toArray(Candle[]::new);
            for (int i = 1; i < array.length; i++) {
                if (array[i].openTime() <= array[i - 1].openTime()) {
                    throw new IllegalArgumentException(feed + ": candles out of order at " + array[i].openTime());
                }
            }
            m.put(feed, array);
        });
        return Collections.unmodifiableMap(m);
    }

    /** The same candles (not copied) on another engine's clock: one history for the many runs of a sweep. */
    public HistoryMarket on(EngineClock other) {
        return new HistoryMarket(other, feeds, closes);
    }

    private static Map<Feed, BigDecimal[]> decimals(Map<Feed, Candle[]> feeds) {
        Map<Feed, BigDecimal[]> m = new LinkedHashMap<>();
        feeds.forEach((feed, a) -> m.put(feed, new BigDecimal[a.length]));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The stored candles of the fleet's feeds, and each of their symbols' 15-minute feed when stored (the finest
     * price for marks), from {@code warmUp} candles before {@code from} until {@code to}.
     */
    public static HistoryMarket load(Store store, java.util.Collection<Feed> fleetFeeds, long from, long to, int warmUp,
                                     EngineClock clock) {
        return from((feed, start, end) -> {
            List<Candle> all = new ArrayList<>();
            long at = start;
            while (true) {
                List<Candle> page = store.candlesFrom(feed, at, end, 50_000);
                all.addAll(page);
                if (page.size() < 50_000) return all;
                at = page.getLast().openTime() + feed.timeframe().millis();
            }
        }, fleetFeeds, from, to, warmUp, clock);
    }

    /** Another market's candles (the sandbox's, say) over the period, as {@link #load} takes stored ones. */
    public static HistoryMarket from(MarketData source, java.util.Collection<Feed> fleetFeeds, long from, long to, int warmUp,
                                     EngineClock clock) {
        return from((feed, start, end) -> source.closedCandles(feed, start, end, Integer.MAX_VALUE), fleetFeeds, from, to,
                warmUp, clock);
    }

    private interface Candles {
        List<Candle> of(Feed feed, long fromOpen, long closedBy);
    }

    private static HistoryMarket from(Candles source, java.util.Collection<Feed> fleetFeeds, long from, long to, int warmUp,
                                      EngineClock clock) {
        java.util.Set<Feed> feeds = new java.util.TreeSet<>(fleetFeeds);
        for (Feed f : fleetFeeds) feeds.add(new Feed(f.symbol(), Timeframe.M15));
        Map<Feed, List<Candle>> candles = new LinkedHashMap<>();
        for (Feed feed : feeds) {
            long tf = feed.timeframe().millis();
            List<Candle> all = source.of(feed, Math.floorDiv(from, tf) * tf - warmUp * tf, to);
            if (!all.isEmpty()) candles.put(feed, all);
        }
        return new HistoryMarket(candles, clock);
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public List<Symbol> symbols() {
        return feeds.keySet().stream().map(Feed::symbol).distinct().sorted().toList();
    }

    /** The candles held for a feed (none when it has no history). */
    public int size(Feed feed) {
        Candle[] a = feeds.get(feed);
        return a == null ? 0 : a.length;
    }

    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        Candle[] a = feeds.get(feed);
        if (a == null || limit == 0) return List.of();
        long tf = feed.timeframe().millis();
        long lastOpen = Math.min(closedBy, clock.now()) - tf;
        int start = firstAtOrAfter(a, fromOpenTime);
        int end = firstAtOrAfter(a, lastOpen + 1);  // exclusive
        if (end <= start) return List.of();
        return Arrays.asList(a).subList(start, (int) Math.min(end, (long) start + limit));  // a limit of MAX_VALUE must not wrap
    }

    private static final Feed[] NONE = {};

    @Override
    public Map<Symbol, BigDecimal> lastPrices(Collection<Symbol> symbols) {
        long now = clock.now();
        Map<Symbol, BigDecimal> prices = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            for (Feed feed : bySymbol.getOrDefault(s, NONE)) {  // finest first
                Candle[] a = feeds.get(feed);
                int i = firstAtOrAfter(a, now - feed.timeframe().millis() + 1) - 1;  // the last candle closed by now
                if (i >= 0) {
                    BigDecimal[] d = closes.get(feed);
                    BigDecimal price = d[i];  // a race of two runs makes the same value twice: harmless
                    if (price == null) d[i] = price = BigDecimal.valueOf(a[i].close());
                    prices.put(s, price);
                    break;
                }
            }
        }
        return prices;
    }

    /** Index of the first candle opening at or after {@code openTime}. */
    private static int firstAtOrAfter(Candle[] a, long openTime) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid].openTime() < openTime) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** What a feed holds over a period: for a clear error when history is missing. */
    public record Coverage(Feed feed, int candles, long firstOpen, long lastClose, List<Long> gaps) {
    }

    /** The feed's candles between the two instants and where candles are missing (open times, at most 5 listed). */
    public Coverage coverage(Feed feed, long from, long to) {
        Candle[] a = feeds.getOrDefault(feed, new Candle[0]);
        long tf = feed.timeframe().millis();
        int start = firstAtOrAfter(a, from);
        int end = firstAtOrAfter(a, to - tf + 1);
        List<Long> gaps = new ArrayList<>();
        long expected = Math.ceilDiv(from, tf) * tf;
        for (int i = start; i < end && gaps.size() < 5; i++) {
            if (a[i].openTime() > expected) gaps.add(expected);
            expected = a[i].openTime() + tf;
        }
        if (expected + tf <= to && gaps.size() < 5) gaps.add(expected);
        return new Coverage(feed, Math.max(0, end - start), end > start ? a[start].openTime() : -1,
                end > start ? a[end - 1].openTime() + tf : -1, gaps);
    }
}
