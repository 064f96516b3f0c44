package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.knowm.xchange.binance.BinanceAdapters;
import org.knowm.xchange.binance.dto.marketdata.BinancePrice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance Spot's public market data as a {@link MarketData}: closed klines of a feed (one request of weight 2,
 * only the candles not already held in memory) and the last prices of many symbols (one request of weight 4).
 * Every reply is checked before it is used; everything goes through one {@link BinanceGateway}, so the whole
 * process shares one XChange exchange, one weight budget and one rate-limit state. Engine time is Binance's time:
 * the engine follows {@link #clock()}.
 */
public final class BinanceMarket implements MarketData {

    private static final Logger log = LoggerFactory.getLogger(BinanceMarket.class);
    static final int KLINES_WEIGHT = 2;
    static final int PRICES_WEIGHT = 4;
    static final int EXCHANGE_INFO_WEIGHT = 20;
    /** Binance's largest klines page. */
    public static final int PAGE = 1_000;

    private final BinanceConfig config;
    private final ServerClock clock;
    private final BinanceGateway gateway;
    private final ClockSync sync;
    private final CandleCache cache = new CandleCache(100_000);
    private final Map<Feed, Klines.Gap> suspectGaps = new ConcurrentHashMap<>();
    private final Set<Feed> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean allSymbolPrices;

    public BinanceMarket(BinanceConfig config, WallClock local) {
        this.config = config;
        this.clock = new ServerClock(local, config.settleMs());
        this.gateway = new BinanceGateway(config, clock);
        this.sync = new ClockSync(gateway, clock, config);
    }

    /**
     * Measures the server-time offset and reads the request-weight limit from exchangeInfo. Either may fail (no
     * network yet): the market then starts with the local clock and the default limit, and says so in its status.
     *
     * @param symbols the symbols the fleet trades; one of them is named in the exchangeInfo request to keep it small
     */
    public void start(Collection<Symbol> symbols) {
        try {
            sync.measure();
            log.info("Binance at {}: clock offset {} ms (round trip {} ms)", config.baseUrl(), clock.offset(), clock.roundTrip());
        } catch (MarketDataException e) {
            log.warn("Binance at {}: server time not measured ({}); the computer's clock is used until it is",
                    config.baseUrl(), e.getMessage());
        }
        String probe = symbols.isEmpty() ? "BTCUSDT" : new TreeSet<>(symbols).first().compact();
        try {
            BinanceRest.ExchangeLimits info = gateway.send("exchangeInfo", EXCHANGE_INFO_WEIGHT, config.tickWaitMs(),
                    r -> r.exchangeInfo(probe));
            int perMinute = WeightBudget.perMinute(info.rateLimits);
            if (perMinute > 0) gateway.budget().limit(perMinute);
            log.info("Binance request weight: limit {}/min, Flotilla's budget {}/min{}", gateway.budget().limit(),
                    gateway.budget().budget(), perMinute > 0 ? "" : " (exchangeInfo listed no REQUEST_WEIGHT limit: default)");
        } catch (MarketDataException e) {
            log.warn("Binance at {}: exchangeInfo not read ({}); the default limit of {}/min applies", config.baseUrl(),
                    e.getMessage(), gateway.budget().limit());
        }
    }

    /** The one way to Binance, for the signed account endpoints of this same connection and budget. */
    BinanceGateway gateway() {
        return gateway;
    }

    /** Binance's clock measured, for the signed requests' timestamps (again after a -1021). */
    ClockSync clockSync() {
        return sync;
    }

    @Override
    public String name() {
        return "binance";
    }

    /** Every request waits for room in the shared weight budget, and only then: the feeds of a close go out at once. */
    @Override
    public boolean pacesRequests() {
        return true;
    }

    public String baseUrl() {
        return config.baseUrl();
    }

    /** The clock the engine follows: Binance's time, a moment behind so that a close has happened at Binance. */
    public WallClock clock() {
        return clock.engine();
    }

    /** Binance's time, as best known. */
    public long serverNow() {
        return clock.now();
    }

    /**
     * Closed candles of the feed from {@code fromOpenTime}, closed by {@code closedBy} and by Binance's clock, at
     * most {@code limit} and at most one page of 1,000. Candles already in memory are not asked for again.
     *
     * @throws MarketDataException when Binance refuses, fails or sends candles that do not pass the checks
     */
    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        long len = feed.timeframe().millis();
        sync.resyncIfDue();
        long end = Math.min(closedBy, feed.timeframe().lastCloseAtOrBefore(clock.now()));
        long first = Math.floorDiv(fromOpenTime + len - 1, len) * len;
        int want = (int) Math.max(0, Math.min(limit, (end - first) / len));
        if (want == 0) return List.of();
        List<Candle> out = cache.run(feed, first, want);
        if (out.size() == want) return out;
        long start = first + (long) out.size() * len;
        int ask = Math.min(PAGE, want - out.size());
        List<Candle> page;
        try {
            page = fetch(feed, start, end - len, ask);
            failing.remove(feed);
        } catch (MarketDataException e) {
            failing.add(feed);
            throw e;
        }
        cache.put(feed, page);
        out.addAll(page);
        return out;
    }

    /**
     * One page of history: the closed candles of the feed with open times from {@code firstOpen} to {@code lastOpen}
     * (both on the timeframe's grid, at most 1,000 of them), in one klines request of weight 2 through the shared
     * budget, checked as every reply is and not kept in memory. A stretch Binance has no candles for (before a symbol
     * was listed, an exchange outage) comes back short, or empty, once the same hole has been seen in two replies.
     *
     * @throws BinanceRejected     when Binance refuses the request itself, e.g. a symbol it does not list
     * @throws MarketDataException on any other failure; {@link MarketDataException#notBefore()} is set when asking
     *                             again has to wait (the budget is used up, a 429 or 418 is in force)
     */
    public List<Candle> history(Feed feed, long firstOpen, long lastOpen) {
        long len = feed.timeframe().millis();
        if (Math.floorMod(firstOpen, len) != 0 || Math.floorMod(lastOpen, len) != 0 || lastOpen < firstOpen) {
            throw new IllegalArgumentException("open times " + firstOpen + " to " + lastOpen + " are not a range on the "
                    + feed.timeframe() + " grid");
        }
        long count = (lastOpen - firstOpen) / len + 1;
        if (count > PAGE) throw new IllegalArgumentException(count + " candles asked for in one page; at most " + PAGE);
        sync.resyncIfDue();
        try {
            return fetch(feed, firstOpen, lastOpen, (int) count);
        } catch (BinanceGateway.Refused e) {
            if (e.status == 429 || e.status == 418 || e.status >= 500 || e.status < 400 || e.code == -1021) throw e;
            String what = e.code == -1121
                    ? "Binance does not list the symbol " + feed.symbol().compact() + " (code -1121, invalid symbol)"
                    : "Binance refused klines of " + feed + ": " + e.getMessage();
            throw new BinanceRejected(what, e.code, e);
        }
    }

    private List<Candle> fetch(Feed feed, long firstOpen, long lastOpen, int ask) {
        String what = "klines " + feed;
        String symbol = feed.symbol().compact();
        String interval = Klines.interval(feed.timeframe()).code();
        BinanceRest.KlineRows rows = gateway.send(what, KLINES_WEIGHT, config.tickWaitMs(),
                r -> r.klines(symbol, interval, firstOpen, lastOpen + feed.timeframe().millis() - 1, ask));
        Klines.Page page;
        try {
            page = Klines.read(feed, rows, firstOpen, lastOpen, ask, clock.now());
        } catch (Klines.BadKlines e) {
            log.warn("{}: reply rejected: {}", what, e.getMessage());
            throw new MarketDataException(what + ": reply rejected: " + e.getMessage(), 0, e);
        }
        if (page.gap() != null) {
            // a hole seen once may be a glitch: ask again. The same hole twice is Binance's history (an outage).
            if (page.gap().equals(suspectGaps.get(feed))) {
                suspectGaps.remove(feed);
                log.warn("{}: Binance has no candles from {}, the same in two replies; the hole is accepted", what, page.gap());
            } else {
                suspectGaps.put(feed, page.gap());
                log.warn("{}: reply rejected: candles missing from {}", what, page.gap());
                throw new MarketDataException(what + ": reply rejected: candles missing from " + page.gap());
            }
        } else {
            suspectGaps.remove(feed);
        }
        return page.candles();
    }

    /** Last trade prices of the symbols, in one request of weight 4; symbols Binance does not list are left out. */
    @Override
    public Map<Symbol, BigDecimal> lastPrices(Collection<Symbol> symbols) {
        if (symbols.isEmpty()) return Map.of();
        sync.resyncIfDue();
        Map<String, Symbol> wanted = new LinkedHashMap<>();
        for (Symbol s : new TreeSet<>(symbols)) {
            wanted.put(s.compact(), s);
            // what XChange's remoteInit would do for every listed symbol: lets BinancePrice name its pair
            BinanceAdapters.putSymbolMapping(s.compact(), Klines.pair(s));
        }
        BinanceRest.PriceRows rows;
        try {
            rows = prices(wanted.keySet());
        } catch (BinanceGateway.Refused e) {
            if (allSymbolPrices || e.code != -1121) throw e;
            // a symbol Binance does not list (the testnet lists fewer) spoils a symbols list: ask for all from now on
            log.warn("Binance does not list one of {}; prices are asked for all symbols from now on", wanted.keySet());
            allSymbolPrices = true;
            rows = prices(wanted.keySet());
        }
        Map<Symbol, BigDecimal> out = new LinkedHashMap<>();
        for (BinancePrice p : rows) {
            if (p == null || !p.isValid()) continue;
            Symbol s = wanted.get(p.getCurrencyPair().getBase().getCurrencyCode() + p.getCurrencyPair().getCounter().getCurrencyCode());
            if (s == null) continue;
            if (p.getPrice().signum() <= 0) {
                log.warn("Binance price of {} is {}; ignored", s, p.getPrice().toPlainString());
                continue;
            }
            out.put(s, p.getPrice());
        }
        return out;
    }

    private BinanceRest.PriceRows prices(Collection<String> names) {
        String json = allSymbolPrices ? null : names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "[", "]"));
        return gateway.send("prices", PRICES_WEIGHT, config.tickWaitMs(), r -> r.prices(json));
    }

    @Override
    public MarketStatus status() {
        MarketStatus s = gateway.status();
        if (s.state() == MarketStatus.State.OK && !failing.isEmpty()) {
            List<String> names = failing.stream().map(Feed::toString).sorted().toList();
            return new MarketStatus(s.market(), s.endpoint(), MarketStatus.State.DEGRADED,
                    names.size() + " feed(s) retrying: " + String.join(", ", names), s.weightUsed(), s.weightBudget(),
                    s.blockedUntil(), s.clockOffsetMs());
        }
        return s;
    }

    @Override
    public List<String> drainWarnings() {
        return gateway.drainWarnings();
    }

    /** Binance's REQUEST_WEIGHT limit per minute in force, and this process's budget within it. */
    public int weightLimit() {
        return gateway.budget().limit();
    }

    public int weightBudget() {
        return gateway.budget().budget();
    }

    @Override
    public String toString() {
        return "binance " + config.baseUrl() + " (budget " + weightBudget() + "/min, clock offset " + clock.offset() + " ms)";
    }
}
