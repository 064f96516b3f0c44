package dev.flotilla.engine.command;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.loop.Pipeline;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.function.Supplier;

/**
 * The operator's side of an engine: the bots' commands, the risk controls, parameter changes, fleet files and the
 * plug-in folder, each run on the engine thread through the one {@link EngineCalls} they share.
 */
public record Commands(FleetCommands bots, RiskControl risk, ParamHistory params, FleetImporter fleetFile,
                       PluginControl plugins) {

    /** The command side wired to an engine's parts; {@code haltReason} is the reconciliation's hold on the fleet. */
    public static Commands of(EngineCalls calls, Store store, StrategyRegistry registry, Broker broker, MarketData market,
                              Fleet fleet, RiskGateway gateway, Pipeline pipeline, Supplier<String> haltReason) {
        RiskControl risk = new RiskControl(calls, fleet, gateway, new Flattener(market, pipeline, gateway, fleet::bots),
                new RiskStore(store), haltReason);
        FleetCommands bots = new FleetCommands(store, registry, broker, market, fleet, gateway, calls);
        return new Commands(bots, risk, new ParamHistory(store, fleet, bots, risk, calls),
                new FleetImporter(bots, registry, fleet, calls), new PluginControl(calls, store, fleet, registry));
    }
}
