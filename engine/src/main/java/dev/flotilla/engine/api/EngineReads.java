package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Order;
import java.util.List;
import java.util.Optional;

/**
 * The history the console shows, read from the store (committed data only). Every call is a query, so the
 * console calls these off its UI thread. A null bot id means the whole fleet.
 */
public interface EngineReads {

    /** The most recent orders, newest first. */
    List<Order> orders(String botId, int limit);

    /** The most recent fills, newest first. */
    List<TradeView> trades(String botId, int limit);

    /** Open positions first, then the most recent closed ones, newest first. */
    List<PositionView> positions(String botId, int limit);

    /** The most recent stored equity snapshots, oldest first. */
    List<EquityPoint> equity(String botId, int limit);

    /** A bot's chart over its last {@code bars} closed candles; empty when there is no such bot. */
    Optional<BotChart> chart(String botId, int bars);
}
