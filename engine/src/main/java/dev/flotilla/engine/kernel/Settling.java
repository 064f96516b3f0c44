package dev.flotilla.engine.kernel;

import dev.flotilla.engine.boot.Boot;
import dev.flotilla.engine.boot.ReconciliationGate;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerUnavailableException;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a start settles before anything trades, and what a pause settles before its instant is replayed: the fleet
 * loaded, the orders a stop left PENDING resolved with the broker, the books checked against it. When the broker
 * cannot say yet (a live order still working, an exchange not answering), the start goes on and the engine thread
 * waits for it first, as after a pause mid-run; the books are checked once it has answered.
 */
final class Settling {

    private final Store store;
    private final Broker broker;
    private final StrategyRegistry registry;
    private final Fleet fleet;
    private final RiskGateway risk;
    private final ReconciliationGate reconciliation;
    private final Consumer<List<EngineEvent>> publish;
    private volatile BrokerUnavailableException unsettledAtBoot;
    private dev.flotilla.engine.config.NodeScope scope = dev.flotilla.engine.config.NodeScope.WHOLE_FLEET;

    Settling(Store store, Broker broker, StrategyRegistry registry, Fleet fleet, RiskGateway risk,
             ReconciliationGate reconciliation, Consumer<List<EngineEvent>> publish) {
        this.store = store;
        this.broker = broker;
        this.registry = registry;
        this.fleet = fleet;
        this.risk = risk;
        this.reconciliation = reconciliation;
        this.publish = publish;
    }

    /** Loads only the bots of {@code scope}, their feeds staggered by their place in the whole fleet's (decision 0034). */
    void runOnly(dev.flotilla.engine.config.NodeScope scope) {
        this.scope = scope;
        if (!scope.wholeFleet()) {
            fleet.staggerIn(store.bots().stream().map(b -> b.feed()).distinct().sorted().toList());
        }
    }

    /** Loads the fleet at engine time {@code resume} and settles what it can; the events go to {@code events}. */
    void boot(long resume, List<EngineEvent> events) {
        Map<String, BotRuntime> loaded = Boot.load(store, registry, scope::runs);
        try {
            Boot.resolvePending(store, broker, loaded, resume, events);
        } catch (BrokerUnavailableException e) {
            unsettledAtBoot = e;
        }
        fleet.load(loaded, resume);
        risk.boot(resume, events);
        if (unsettledAtBoot == null) reconciliation.check(resume, events);
    }

    /** Why the broker could not settle what the start found PENDING, or null. */
    BrokerUnavailableException unsettledAtBoot() {
        return unsettledAtBoot;
    }

    /** Settles what a failed step (or the start) left PENDING, at the instant about to be replayed. */
    void settle(long t) {
        List<EngineEvent> settled = new ArrayList<>();
        Boot.resolvePending(store, broker, fleet.botMap(), t, settled);
        if (unsettledAtBoot != null) reconciliation.check(t, settled);
        unsettledAtBoot = null;
        risk.booksChanged();
        publish.accept(settled);
    }
}
