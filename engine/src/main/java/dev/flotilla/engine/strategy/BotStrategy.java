package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.strategy.Strategy;

/**
 * A bot's strategy as the registry can make it now, and the bot's state to go with it: a bot whose type cannot be made
 * (its plug-in missing, failed or not approved) holds in ERROR with the reason if it was running, and one that held in
 * ERROR only for that reason runs again once its type is back. The one rule for a start and for a plug-in's new version.
 */
public record BotStrategy(Strategy strategy, BotState state) {

    public static BotStrategy make(StrategyRegistry registry, BotSpec spec, BotState state) {
        try {
            Strategy strategy = registry.create(spec.strategy(), spec.params());
            boolean wasHeld = state.status() == BotStatus.ERROR && Unavailable.isCause(state.lastError());
            return new BotStrategy(strategy, wasHeld ? state.withStatus(BotStatus.RUNNING, null) : state);
        } catch (RuntimeException e) {
            Unavailable u = new Unavailable(e.getMessage());
            boolean hold = state.status() == BotStatus.RUNNING || Unavailable.isCause(state.lastError());
            return new BotStrategy(u, hold ? state.withStatus(BotStatus.ERROR, u.cause()) : state);
        }
    }
}
