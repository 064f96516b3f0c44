package dev.flotilla.engine.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Creating, editing and removing bots while the engine runs. Checks are pure and may be called from any
 * thread as often as a dialog likes; the commands run on the engine's thread, check again there and
 * complete exceptionally with a {@link BotRejectedException} when the draft is refused.
 */
public interface BotCommands {

    BotCatalog catalog();

    /**
     * Checks a draft field by field.
     *
     * @param editing the id of the bot being edited, or null for a new bot
     */
    BotCheck check(BotDraft draft, String editing);

    /** A bot's current definition as a draft, for the edit dialog; empty when there is no such bot. */
    Optional<BotDraft> draft(String botId);

    /** Whether a bot's symbol and timeframe may change now (not while it holds a position). */
    boolean canMove(String botId);

    /** Whether a bot's capital may change now (only before its first order). */
    boolean canChangeCapital(String botId);

    /** Adds a bot; it starts at its next candle close when {@code start}. Completes with its id. */
    CompletableFuture<String> create(BotDraft draft, boolean start);

    /** Changes a bot's definition; its books, state and open position stay. */
    CompletableFuture<Void> edit(String botId, BotDraft draft);

    /** Removes a flat bot from the fleet; its history stays in the store and its id is not reused. */
    CompletableFuture<Void> remove(String botId);
}
