package dev.flotilla.engine.market.sandbox;

import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The default market: invented but realistic prices for the 13 default symbols, the same for the same seed,
 * never ahead of the engine clock. It counts its requests so that tests can hold the engine to one candle
 * request per feed per candle close.
 */
public final class SandboxMarket implements MarketData {

    /** The symbols the sandbox trades, in the order of the default fleet. */
    public static final List<Symbol> DEFAULT_SYMBOLS =
            SymbolProfile.DEFAULTS.stream().map(SymbolProfile::symbol).toList();

    private final long seed;
    private final long originMs;
    private final EngineClock clock;
    private final Map<Symbol, PricePath> paths;
    private final Map<Feed, LongAdder> candleRequestsByFeed = new ConcurrentHashMap<>();
    private final LongAdder candleRequests = new LongAdder();
    private final LongAdder priceRequests = new LongAdder();

    /**
     * @param seed     chooses the price paths; the same seed always gives the same candles
     * @param originMs where the paths begin (rounded up to a whole minute); nothing earlier is served
     * @param clock    the engine clock; nothing after its present is served
     */
    public SandboxMarket(long seed, long originMs, EngineClock clock) {
        this.seed = seed;
        this.originMs = originMs;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.paths = SymbolProfile.DEFAULTS.stream().collect(Collectors.toUnmodifiableMap(
                SymbolProfile::symbol, profile -> new PricePath(profile, seed, originMs)));
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public List<Symbol> symbols() {
        return DEFAULT_SYMBOLS;
    }

    public long seed() {
        return seed;
    }

    public long originMs() {
        return originMs;
    }

    /**
     * Closed candles aligned to UTC multiples of the timeframe. {@code closedBy} is clamped to the clock, so a
     * candle still forming is never served.
     */
    @Override
    public List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit) {
        Objects.requireNonNull(feed, "feed");
        candleRequests.increment();
        candleRequestsByFeed.computeIfAbsent(feed, f -> new LongAdder()).increment();
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        PricePath path = path(feed.symbol());
        return path.closedCandles(feed.timeframe(), fromOpenTime, Math.min(closedBy, clock.now()), limit);
    }

    /** Prices at the clock's present, rounded to each symbol's tick size, in the order asked. */
    @Override
    public Map<Symbol, BigDecimal> lastPrices(Collection<Symbol> symbols) {
        Objects.requireNonNull(symbols, "symbols");
        priceRequests.increment();
        List<PricePath> asked = symbols.stream().map(this::path).toList();
        long now = clock.now();
        Map<Symbol, BigDecimal> prices = new LinkedHashMap<>();
        for (PricePath path : asked) {
            prices.put(path.profile().symbol(), path.profile().decimal(path.ticksAt(now)));
        }
        return Collections.unmodifiableMap(prices);
    }

    /** The smallest price step of a symbol; every sandbox price is a multiple of it. */
    public BigDecimal tickSize(Symbol symbol) {
        return path(symbol).profile().tickSize();
    }

    /** All requests: candle requests plus price requests. */
    public long requestCount() {
        return candleRequests.sum() + priceRequests.sum();
    }

    public long candleRequestCount() {
        return candleRequests.sum();
    }

    public long candleRequestCount(Feed feed) {
        LongAdder count = candleRequestsByFeed.get(feed);
        return count == null ? 0 : count.sum();
    }

    public long priceRequestCount() {
        return priceRequests.sum();
    }

    /** The minute bar containing {@code timeMs}, for checks finer than a candle; not a request. */
    MinuteBar minuteAt(Symbol symbol, long timeMs) {
        return path(symbol).minuteAt(timeMs);
    }

    private PricePath path(Symbol symbol) {
        PricePath path = paths.get(Objects.requireNonNull(symbol, "symbol"));
        if (path == null) {
            throw new IllegalArgumentException("the sandbox market has no " + symbol + "; it trades "
                    + DEFAULT_SYMBOLS.stream().map(Symbol::toString).collect(Collectors.joining(", ")));
        }
        return path;
    }
}
