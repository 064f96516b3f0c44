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

    /** The most of a bot's own candles a chart reads, whatever it shows them as. */
    int MAX_CHART_BARS = 20_000;

    /** A bot's chart over its last {@code bars} closed candles; empty when there is no such bot. */
    default Optional<BotChart> chart(String botId, int bars) {
        return chart(botId, bars, null);
    }

    /**
     * A bot's chart over its last {@code bars} candles of {@code shown} (null: the bot's own timeframe), merged from
     * at most {@link #MAX_CHART_BARS} of the bot's candles; empty when there is no such bot. A length shorter than
     * the bot's own, or not a multiple of it, shows the bot's own ({@link BotChart#timeframe()} says which).
     */
    Optional<BotChart> chart(String botId, int bars, ChartTimeframe shown);
}
