package dev.flotilla.engine.boot;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.store.Store;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the fleet halted when the ledger and the broker disagree at start, until an operator either keeps it
 * halted or accepts the broker's view.
 */
public final class ReconciliationGate {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationGate.class);

    private final Store store;
    private final Broker broker;
    private final Fleet fleet;
    private final EngineConfig config;
    private volatile List<Reconciliation.Difference> differences = List.of();
    private volatile String halt;

    public ReconciliationGate(Store store, Broker broker, Fleet fleet, EngineConfig config) {
        this.store = store;
        this.broker = broker;
        this.fleet = fleet;
        this.config = config;
    }

    public void check(long now, List<EngineEvent> events) {
        differences = List.copyOf(recheck());
        for (Reconciliation.Difference d : differences) {
            events.add(new SystemEvent.ReconciliationMismatch(now, d.botId(), d.toString()));
        }
        if (!differences.isEmpty()) {
            halt = "reconciliation: " + differences.size() + " difference(s) between the ledger and the broker";
            log.error("fleet halted at start: {}; nothing trades until an operator decides", halt);
        }
    }

    private List<Reconciliation.Difference> recheck() {
        var outside = SharedAccountCheck.parse(store.setting(dev.flotilla.engine.config.EngineSettings.LIVE_OUTSIDE).orElse(null));
        return Reconciliation.check(fleet.bots(), broker, store.fills(), store.ledgerAdjustments(), outside);
    }

    /** Why the fleet is held, or null when it may trade. */
    public String haltReason() {
        return halt;
    }

    public List<String> differences() {
        return differences.stream().map(Reconciliation.Difference::toString).toList();
    }

    /** The operator's decision: set the ledger to the broker's view; call on the engine thread. */
    public void acceptBrokerView(long now) {
        if (halt == null) return;
        if (broker.sharedAccount()) {
            // a live account has no balances per bot to take: the operator fixes the account or declares what is
            // kept outside Flotilla (live.outside), and the next start checks again
            log.warn("the broker's view cannot be taken for a shared live account; the fleet stays halted");
            return;
        }
        BrokerView.accept(store, broker, fleet.bots(), now, config.stopLoss(), fleet::lastPrice);
        differences = List.copyOf(recheck());
        if (differences.isEmpty()) {
            log.warn("operator accepted the broker's view; the fleet trades again");
            halt = null;
        }
    }
}
