package dev.flotilla.engine.fleet;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bots and their feeds while the engine runs, and when each feed is next fetched. Feeds are fetched the
 * configured stagger apart after each close, in a stable order; on a market that paces its own requests by a weight
 * budget (Binance) the stagger is 0 and the feeds of a close are fetched at once. Each feed's series is
 * replayed from its first stored candle whenever a bot is bound to it, so indicators never depend on when that was.
 */
public final class Fleet {

    /** Stored candles read at a time while a feed is replayed. */
    private static final int REPLAY_PAGE = 5_000;

    private final Store store;
    private final EngineConfig config;
    private Map<String, BotRuntime> bots = new LinkedHashMap<>();
    private final Map<Feed, List<BotRuntime>> byFeed = new TreeMap<>();
    private final List<FeedBook> books = new ArrayList<>();
    private final Map<Feed, FeedBook> bookOf = new java.util.HashMap<>();
    /** The symbols the bots trade, sorted; made again after the fleet changes. */
    private java.util.SortedSet<dev.flotilla.engine.model.Symbol> symbols;
    private final Map<FeedBook, Long> nextClose = new HashMap<>();
    /** The whole fleet's feeds in order, when this engine runs part of it (an engine node); else empty. */
    private List<Feed> staggerOrder = List.of();

    public Fleet(Store store, EngineConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * Staggers each feed by its place in {@code feeds} (the whole fleet's, sorted, as one engine loading it all
     * would), not by how many feeds this engine has: an engine node running part of the fleet then fetches each feed
     * at the instant one engine running all of it would (decision 0034). Before {@link #load}.
     */
    public void staggerIn(List<Feed> feeds) {
        this.staggerOrder = List.copyOf(feeds);
    }

    /** Takes the bots the store holds (rebuilt by the boot, their pending orders settled) and opens their feeds. */
    public void load(Map<String, BotRuntime> loaded, long now) {
        bots = new LinkedHashMap<>(loaded);
        symbols = null;
        byFeed.clear();
        for (BotRuntime b : bots.values()) byFeed.computeIfAbsent(b.spec().feed(), f -> new ArrayList<>()).add(b);
        byFeed.values().forEach(list -> list.sort((a, b) -> a.id().compareTo(b.id())));
        for (Feed feed : byFeed.keySet()) openBook(feed, now);
    }

    private void openBook(Feed feed, long now) {
        int place = staggerOrder.indexOf(feed);
        FeedBook book = new FeedBook(feed, config.window(), (place < 0 ? books.size() : place) * config.staggerMs());
        for (BotRuntime b : botsOn(feed)) book.bars().bind(b.id(), b.strategy());
        replay(book, now);
        books.add(book);
        bookOf.put(feed, book);
        long tf = feed.timeframe().millis();
        // the first close whose staggered fetch is not before now: a restart replays that instant, no earlier
        nextClose.put(book, Math.floorDiv(now - book.offsetMs() + tf - 1, tf) * tf);
    }

    /**
     * Rebuilds the feed's series from its first stored candle up to those closing at {@code closedBy}, never later
     * ones (a simulation resumes before the instant the stopped run reached), priming every bound strategy at each.
     */
    private void replay(FeedBook book, long closedBy) {
        book.clear();
        long from = Long.MIN_VALUE;
        List<Candle> page;
        do {
            page = store.candlesFrom(book.feed(), from, closedBy, REPLAY_PAGE);
            book.append(page);
            if (!page.isEmpty()) from = page.getLast().openTime() + 1;
        } while (page.size() == REPLAY_PAGE);
    }

    /** Adds a bot made while the engine runs; a feed new to the fleet gets its book, staggered after the others. */
    public void add(BotRuntime bot, long now) {
        bots.put(bot.id(), bot);
        symbols = null;
        index(List.of(bot), now);
    }

    /** Puts a changed bot in the place of the one with its id, on its (possibly new) feed. */
    public void replace(BotRuntime bot, long now) {
        replaceAll(List.of(bot), now);
    }

    /** {@link #replace} for several bots at once: each feed they are on is replayed once. */
    public void replaceAll(Collection<BotRuntime> changed, long now) {
        for (BotRuntime bot : changed) {
            unindex(bot(bot.id()));
            bots.put(bot.id(), bot);
            symbols = null;
        }
        index(changed, now);
    }

    public void remove(String id) {
        unindex(bot(id));
        bots.remove(id);
        symbols = null;
    }

    private void index(Collection<BotRuntime> added, long now) {
        Map<Feed, List<BotRuntime>> onFeed = new LinkedHashMap<>();
        for (BotRuntime bot : added) {
            List<BotRuntime> list = byFeed.computeIfAbsent(bot.spec().feed(), f -> new ArrayList<>());
            list.add(bot);
            list.sort((a, b) -> a.id().compareTo(b.id()));
            onFeed.computeIfAbsent(bot.spec().feed(), f -> new ArrayList<>()).add(bot);
        }
        onFeed.forEach((feed, list) -> {
            FeedBook book = book(feed);
            if (book == null) {
                openBook(feed, now);
                return;
            }
            // the candles the book holds, replayed: the new bots' indicators then hold what a restart would compute
            list.forEach(bot -> book.bars().bind(bot.id(), bot.strategy()));
            replay(book, book.last() == null ? now : book.last().closeTime(feed.timeframe()));
        });
    }

    private void unindex(BotRuntime bot) {
        List<BotRuntime> list = byFeed.get(bot.spec().feed());
        if (list != null) list.removeIf(b -> b.id().equals(bot.id()));
        FeedBook book = book(bot.spec().feed());
        if (book != null) book.bars().unbind(bot.id());
    }

    /** The feed's book, or null when no bot was ever on it. */
    public FeedBook book(Feed feed) {
        return bookOf.get(feed);
    }

    /** The symbols the fleet's bots trade, sorted (what every mark asks prices of). */
    public java.util.SortedSet<dev.flotilla.engine.model.Symbol> symbols() {
        if (symbols == null) {
            java.util.TreeSet<dev.flotilla.engine.model.Symbol> s = new java.util.TreeSet<>();
            for (BotRuntime b : bots.values()) s.add(b.spec().symbol());
            symbols = java.util.Collections.unmodifiableSortedSet(s);
        }
        return symbols;
    }

    public Collection<BotRuntime> bots() {
        return bots.values();
    }

    /** Every bot's books now, as plain data: what the risk gateway reads. */
    public List<BotBook> books() {
        List<BotBook> out = new ArrayList<>(bots.size());
        for (BotRuntime b : bots.values()) out.add(b.book());
        return out;
    }

    /** A bot takes books that were just committed. */
    public void update(BotBook committed) {
        bot(committed.id()).update(committed);
    }

    public Map<String, BotRuntime> botMap() {
        return bots;
    }

    /** The latest close held for the bot's feed, or null. */
    public java.math.BigDecimal lastPrice(BotRuntime b) {
        FeedBook book = book(b.spec().feed());
        return book == null || book.last() == null ? null : java.math.BigDecimal.valueOf(book.last().close());
    }

    public BotRuntime bot(String id) {
        BotRuntime b = bots.get(id);
        if (b == null) throw new IllegalArgumentException("no bot '" + id + "'");
        return b;
    }

    public List<FeedBook> feeds() {
        return books;
    }

    public long nextClose(FeedBook book) {
        return nextClose.get(book);
    }

    public long nextFetch(FeedBook book) {
        return nextClose.get(book) + book.offsetMs();
    }

    public void advance(FeedBook book, long close) {
        nextClose.put(book, close + book.feed().timeframe().millis());
    }

    /** Every bot on the feed, running or not. */
    public List<BotRuntime> botsOn(Feed feed) {
        return byFeed.getOrDefault(feed, List.of());
    }

    /** Running bots of the feed that have not yet ticked at this close (a replayed instant skips the rest). */
    public List<BotRuntime> dueBots(Feed feed, long close) {
        List<BotRuntime> due = new ArrayList<>();
        for (BotRuntime b : byFeed.getOrDefault(feed, List.of())) {
            Long last = b.state().lastClose();
            if (b.running() && (last == null || last < close)) due.add(b);
        }
        return due;
    }
}
