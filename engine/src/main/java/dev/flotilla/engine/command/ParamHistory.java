package dev.flotilla.engine.command;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.ParamsApi;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The parameter history of the engine API. Undoing a change gives the bot the change's old values back through the
 * command that made it, an edit for a strategy change and the risk command for limits, so it passes the same checks
 * and is recorded as a change of its own.
 */
public final class ParamHistory implements ParamsApi {

    /** The names of a strategy change that are not strategy parameters. */
    private static final Set<String> DEFINITION = Set.of(BotCheck.STRATEGY, BotCheck.SYMBOL, BotCheck.TIMEFRAME,
            BotCheck.CAPITAL);

    private final Store store;
    private final Fleet fleet;
    private final FleetCommands bots;
    private final RiskControl risk;
    private final EngineCalls engine;

    public ParamHistory(Store store, Fleet fleet, FleetCommands bots, RiskControl risk, EngineCalls engine) {
        this.store = store;
        this.fleet = fleet;
        this.bots = bots;
        this.risk = risk;
        this.engine = engine;
    }

    /** A bot's definition by name as its parameter history keeps it: strategy, symbol, timeframe, parameters, capital. */
    static Map<String, String> definition(BotSpec s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(BotCheck.STRATEGY, s.strategy());
        m.put(BotCheck.SYMBOL, s.symbol().toString());
        m.put(BotCheck.TIMEFRAME, s.timeframe().label());
        s.params().forEach((name, v) -> m.put(name, FleetCommands.number(v)));
        m.put(BotCheck.CAPITAL, s.capital().stripTrailingZeros().toPlainString());
        return m;
    }

    @Override
    public List<ParamChange> history(String botId) {
        fleet.bot(botId);
        return store.paramChanges(botId);
    }

    @Override
    public CompletableFuture<Void> undo(String botId, long changeId) {
        fleet.bot(botId);
        return engine.call(() -> {
            undoNow(botId, changeId);
            return null;
        });
    }

    /** {@link #undo}, on the engine thread. */
    public void undoNow(String botId, long changeId) {
        ParamChange c = store.paramChanges(botId).stream().filter(x -> x.id() == changeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bot " + botId + " has no change " + changeId));
        Map<String, String> now = switch (c.kind()) {
            case STRATEGY -> definition(fleet.bot(botId).spec());
            case LIMITS -> risk.botLimits(botId).values();
        };
        if (c.names().stream().allMatch(n -> Objects.equals(now.get(n), c.oldValues().get(n)))) {
            throw new IllegalStateException(botId + " already has " + String.join(", ", c.names().stream()
                    .map(n -> n + " " + c.oldValues().getOrDefault(n, "-")).toList()) + "; there is nothing to undo");
        }
        switch (c.kind()) {
            case STRATEGY -> bots.editNow(botId, restored(bots.draft(botId).orElseThrow(), c), ParamChange.UNDO);
            case LIMITS -> risk.setBotLimitsNow(botId, c.oldValues(), ParamChange.UNDO);
        }
    }

    /** The bot's draft with the change's old values; the names it did not touch keep theirs. */
    private static BotDraft restored(BotDraft d, ParamChange c) {
        Map<String, String> old = c.oldValues();
        Map<String, String> params = new LinkedHashMap<>(d.params());
        for (String name : c.names()) {
            if (DEFINITION.contains(name)) continue;
            if (old.containsKey(name)) params.put(name, old.get(name));
            else params.remove(name);  // a parameter of the strategy the change brought
        }
        return new BotDraft(d.id(), old.getOrDefault(BotCheck.STRATEGY, d.strategy()), old.getOrDefault(BotCheck.SYMBOL,
                d.symbol()), old.getOrDefault(BotCheck.TIMEFRAME, d.timeframe()), params,
                old.getOrDefault(BotCheck.CAPITAL, d.capital()));
    }
}
