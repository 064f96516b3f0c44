package dev.flotilla.engine.api;

import dev.flotilla.engine.model.ParamChange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bot's parameter history: every change of its strategy definition (through {@link BotCommands#edit}) or of its risk
 * limits (through {@link RiskApi#setBotLimits}), stored with the engine time, its old and new values and who made it.
 */
public interface ParamsApi {

    /**
     * The bot's changes, newest first.
     *
     * @throws IllegalArgumentException when there is no such bot
     */
    List<ParamChange> history(String botId);

    /**
     * Gives the bot the change's old values back, as a new change whose source is {@link ParamChange#UNDO}; the names
     * the change did not touch keep their values. It passes the same checks as an edit: completes exceptionally with a
     * {@link BotRejectedException} (a strategy change) or an {@link InvalidInputException} (limits) saying why, and then
     * nothing has changed.
     */
    CompletableFuture<Void> undo(String botId, long changeId);
}
