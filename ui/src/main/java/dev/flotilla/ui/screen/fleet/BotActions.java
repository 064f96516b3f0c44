package dev.flotilla.ui.screen.fleet;

import java.util.List;

/** What can be done to bots from the fleet table; the main window carries them out. */
public interface BotActions {

    void start(List<String> botIds);

    void stop(List<String> botIds);

    void edit(String botId);

    void showChart(String botId);

    void remove(String botId);

    /** Opens the bot's risk limits. */
    default void limits(String botId) {
    }

    /** Opens the bot's parameter history (with undo). */
    default void paramHistory(String botId) {
    }

    /** Lifts the bot's drawdown breaker. */
    default void resetBreaker(String botId) {
    }

    /** Closes the bots' open positions by hand, after a confirmation naming them. */
    default void closePositions(List<String> botIds) {
    }

    /** Closes every open position in the symbol of this bot by hand, after a confirmation naming them. */
    default void closeSymbolOf(String botId) {
    }
}
