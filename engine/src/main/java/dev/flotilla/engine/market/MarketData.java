package dev.flotilla.engine.market;

import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A source of candles and prices: the built-in sandbox or an exchange. Every call is one request to the
 * market; callers share results instead of asking twice.
 */
public interface MarketData {

    /** Short name shown to the user, e.g. "sandbox" or "binance". */
    String name();

    /**
     * Closed candles of a feed, oldest first: those whose open time is at or after {@code fromOpenTime} and
     * whose close time is at or before {@code closedBy}, at most {@code limit} of them (the earliest ones).
     */
    List<Candle> closedCandles(Feed feed, long fromOpenTime, long closedBy, int limit);

    /** Last trade prices of the given symbols, in one request. */
    Map<Symbol, BigDecimal> lastPrices(java.util.Collection<Symbol> symbols);

    /** The symbols a new bot may trade here; empty when the market does not say (then the fleet's own are offered). */
    default List<Symbol> symbols() {
        return List.of();
    }

    /**
     * Whether the market paces its own requests by a request budget, waiting only when the budget would be exceeded.
     * The engine then fetches every feed of a candle close at once; otherwise it spreads them a fixed stagger apart.
     */
    default boolean pacesRequests() {
        return false;
    }

    /** How the source is doing, for the console. */
    default MarketStatus status() {
        return MarketStatus.ok(name());
    }

    /**
     * Warnings for the operator since the last call (a rate limit hit, a ban); the engine drains them on its
     * thread and publishes them as RATE_LIMIT_WARNING events.
     */
    default List<String> drainWarnings() {
        return List.of();
    }
}
