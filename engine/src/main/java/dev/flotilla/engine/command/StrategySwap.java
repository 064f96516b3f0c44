package dev.flotilla.engine.command;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.engine.strategy.BotStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the bots of some strategy types their strategy anew from the registry, on the engine thread between two
 * instants: each keeps its definition, position, account and risk state, and its feed is replayed from the stored
 * candles so the new code's indicators hold what a restart would compute. A bot whose strategy cannot be made goes to
 * ERROR with the reason; one that was in ERROR only because its strategy was unavailable runs again.
 */
final class StrategySwap {

    private static final Logger log = LoggerFactory.getLogger(StrategySwap.class);

    private final Store store;
    private final Fleet fleet;
    private final StrategyRegistry registry;
    private final EngineCalls engine;

    StrategySwap(Store store, Fleet fleet, StrategyRegistry registry, EngineCalls engine) {
        this.store = store;
        this.fleet = fleet;
        this.registry = registry;
        this.engine = engine;
    }

    void rebuild(Set<String> strategyIds, List<EngineEvent> events) {
        long now = engine.now();
        List<BotRuntime> swapped = new ArrayList<>();
        for (BotRuntime bot : List.copyOf(fleet.bots())) {
            if (!strategyIds.contains(bot.spec().strategy())) continue;
            BotStrategy made = BotStrategy.make(registry, bot.spec(), bot.state());
            BotState next = made.state();
            if (!next.equals(bot.state())) store.write(tx -> tx.botState(next));
            BotRuntime rebuilt = new BotRuntime(bot.spec(), made.strategy(), next, bot.account(), bot.position());
            if (bot.mark() != null) rebuilt.update(rebuilt.book().withMark(bot.mark()));
            swapped.add(rebuilt);
            if (next.status() != bot.state().status()) {
                events.add(next.status() == BotStatus.ERROR ? new BotEvent.BotError(now, bot.id(), next.lastError())
                        : new BotEvent.BotStarted(now, bot.id()));
            }
            log.info("bot {}: strategy {} rebuilt{}", bot.id(), bot.spec().strategy(),
                    next.status() == BotStatus.ERROR ? " unavailable: " + next.lastError() : ", position and risk state kept");
        }
        fleet.replaceAll(swapped, now);  // each feed replayed once, however many of its bots use the jar
    }
}
