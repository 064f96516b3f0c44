package dev.flotilla.engine.command;

import dev.flotilla.engine.api.ClosePlan;
import dev.flotilla.engine.api.CloseResult;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.LimitSet;
import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.InvalidLimitException;
import dev.flotilla.engine.risk.PortfolioLimits;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.RiskStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The risk commands of the engine API. Limits are checked in the caller's thread, so a bad value is refused at
 * once with nothing stored; what changes state then runs on the engine thread and publishes its events there.
 * The risk package's records leave through {@link RiskViews}.
 */
public final class RiskControl implements RiskApi {

    private final EngineCalls engine;
    private final Fleet fleet;
    private final RiskGateway gateway;
    private final Flattener flattener;
    private final RiskStore records;
    private final ManualClose manual;

    /** @param reconciliationHalt why reconciliation holds the fleet, or null: no manual close while it does */
    public RiskControl(EngineCalls engine, Fleet fleet, RiskGateway gateway, Flattener flattener, RiskStore records,
                       java.util.function.Supplier<String> reconciliationHalt) {
        this.engine = engine;
        this.fleet = fleet;
        this.gateway = gateway;
        this.flattener = flattener;
        this.records = records;
        this.manual = new ManualClose(engine, fleet, gateway, flattener, reconciliationHalt);
    }

    @Override
    public RiskView status() {
        return RiskViews.of(gateway.status());
    }

    @Override
    public LimitSet botLimits(String botId) {
        fleet.bot(botId);
        return RiskViews.of(gateway.limits(botId));
    }

    @Override
    public LimitSet portfolioLimits() {
        return RiskViews.of(gateway.portfolioLimits());
    }

    @Override
    public InvalidInputException checkBotLimits(String botId, Map<String, String> changes) {
        fleet.bot(botId);
        try {
            gateway.limits(botId).with(changes);
            return null;
        } catch (InvalidLimitException e) {
            return RiskViews.refused(e);
        }
    }

    @Override
    public InvalidInputException checkPortfolioLimits(Map<String, String> changes) {
        try {
            gateway.portfolioLimits().with(changes);
            return null;
        } catch (InvalidLimitException e) {
            return RiskViews.refused(e);
        }
    }

    @Override
    public LimitSet setBotLimits(String botId, Map<String, String> changes) {
        BotLimits next = checked(botId, changes);
        Map<String, String> copy = Map.copyOf(changes);
        // the changes, not the whole record, so two quick edits of different limits both stay
        engine.run(events -> apply(botId, copy, ParamChange.CONSOLE, events));
        return RiskViews.of(next);
    }

    /**
     * {@link #setBotLimits}, on the engine thread, recorded in the bot's parameter history as made by {@code source};
     * publishes its event.
     *
     * @throws InvalidInputException naming the bad limit and its allowed range; nothing is changed
     */
    public void setBotLimitsNow(String botId, Map<String, String> changes, String source) {
        checked(botId, changes);
        List<EngineEvent> events = new ArrayList<>();
        apply(botId, changes, source, events);
        engine.publish(events);
        engine.refresh();
    }

    private void apply(String botId, Map<String, String> changes, String source, List<EngineEvent> events) {
        ParamChange change = gateway.setBotLimits(botId, changes, engine.now(), source);
        if (change != null) events.add(BotEvent.ParamsChanged.of(change));
    }

    private BotLimits checked(String botId, Map<String, String> changes) {
        fleet.bot(botId);
        try {
            return gateway.limits(botId).with(changes);
        } catch (InvalidLimitException e) {
            throw RiskViews.refused(e);
        }
    }

    @Override
    public LimitSet setPortfolioLimits(Map<String, String> changes) {
        PortfolioLimits next;
        try {
            next = gateway.portfolioLimits().with(changes);
        } catch (InvalidLimitException e) {
            throw RiskViews.refused(e);
        }
        Map<String, String> copy = Map.copyOf(changes);
        engine.run(events -> gateway.setPortfolioLimits(copy));
        return RiskViews.of(next);
    }

    @Override
    public void killSwitchOn(boolean flatten) {
        engine.run(events -> {
            long now = engine.now();
            gateway.killSwitch(true, flatten ? "halt and flatten" : "halt", now, events);
            if (flatten) flattener.flatten(now, events);
        });
    }

    @Override
    public void killSwitchOff() {
        engine.run(events -> gateway.killSwitch(false, "switched off", engine.now(), events));
    }

    @Override
    public CompletableFuture<ClosePlan> planCloseBots(List<String> botIds) {
        return manual.planBots(botIds);
    }

    @Override
    public CompletableFuture<ClosePlan> planCloseSymbol(String symbol) {
        return manual.planSymbol(symbol);
    }

    @Override
    public CompletableFuture<CloseResult> closePositions(ClosePlan plan) {
        return manual.close(plan);
    }

    @Override
    public void resetBreaker(String botId) {
        var bot = fleet.bot(botId);
        engine.run(events -> {
            var rebased = gateway.resetBreaker(bot.book(), engine.now(), events);
            if (rebased != null) bot.update(bot.book().withState(rebased));  // committed with the latch
        });
    }

    @Override
    public void resetPortfolioBreaker() {
        engine.run(events -> gateway.resetPortfolioBreaker(engine.now(), events));
    }

    @Override
    public List<RiskRecord> riskEvents(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        return records.events(limit);
    }
}
