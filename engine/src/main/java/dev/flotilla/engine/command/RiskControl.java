package dev.flotilla.engine.command;

import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.fleet.Fleet;

import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.risk.BotLimits;
import dev.flotilla.engine.risk.PortfolioLimits;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.risk.RiskStatus;
import dev.flotilla.engine.store.RiskStore;
import java.util.List;
import java.util.Map;

/**
 * The risk commands of the engine API. Limits are checked in the caller's thread, so a bad value is refused at
 * once with nothing stored; what changes state then runs on the engine thread and publishes its events there.
 */
public final class RiskControl implements RiskApi {

    private final EngineCalls engine;
    private final Fleet fleet;
    private final RiskGateway gateway;
    private final Flattener flattener;
    private final RiskStore records;

    public RiskControl(EngineCalls engine, Fleet fleet, RiskGateway gateway, Flattener flattener, RiskStore records) {
        this.engine = engine;
        this.fleet = fleet;
        this.gateway = gateway;
        this.flattener = flattener;
        this.records = records;
    }

    @Override
    public RiskStatus status() {
        return gateway.status();
    }

    @Override
    public BotLimits botLimits(String botId) {
        fleet.bot(botId);
        return gateway.limits(botId);
    }

    @Override
    public PortfolioLimits portfolioLimits() {
        return gateway.portfolioLimits();
    }

    @Override
    public BotLimits setBotLimits(String botId, Map<String, String> changes) {
        fleet.bot(botId);
        BotLimits next = gateway.limits(botId).with(changes);
        Map<String, String> copy = Map.copyOf(changes);
        // the changes, not the whole record, so two quick edits of different limits both stay
        engine.run(events -> gateway.setBotLimits(botId, copy));
        return next;
    }

    @Override
    public PortfolioLimits setPortfolioLimits(Map<String, String> changes) {
        PortfolioLimits next = gateway.portfolioLimits().with(changes);
        Map<String, String> copy = Map.copyOf(changes);
        engine.run(events -> gateway.setPortfolioLimits(copy));
        return next;
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
