package dev.flotilla.engine.loop;

import dev.flotilla.engine.clock.Pacer;
import dev.flotilla.engine.clock.SimulatedClock;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreUnavailableException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the engine thread: engine time moves from one event to the next (candle closes, the price loop,
 * snapshots), held to the pacer, until the end time or a stop. A step the store could not take is replayed once the
 * store is back; the engine time reached is committed at the end.
 */
public final class EngineLoop {

    private static final Logger log = LoggerFactory.getLogger(EngineLoop.class);

    private final EngineThread thread;
    private final EventRunner instants;
    private final Store store;
    private final Snapshots snapshots;
    private final Fleet fleet;
    private final String timeKey;

    public EngineLoop(EngineThread thread, EventRunner instants, Store store, Snapshots snapshots, Fleet fleet) {
        this(thread, instants, store, snapshots, fleet, EngineSettings.ENGINE_TIME);
    }

    /** @param timeKey the setting the engine time is committed under (an engine node's own, decision 0034) */
    public EngineLoop(EngineThread thread, EventRunner instants, Store store, Snapshots snapshots, Fleet fleet, String timeKey) {
        this.timeKey = timeKey;
        this.thread = thread;
        this.instants = instants;
        this.store = store;
        this.snapshots = snapshots;
        this.fleet = fleet;
    }

    /**
     * @param endTime      engine time to stop at (exclusive), or null to run until shut down
     * @param haltReason   why the fleet may not trade (a reconciliation halt), or null
     * @param unsettled    why the broker could not settle at boot what a stop left PENDING, or null: nothing runs
     *                     until {@code afterPause} has settled it
     * @param afterPause   settles what a failed step left pending, at the instant about to be replayed
     * @param storeProblem told the store's problem while it lasts, then null
     */
    public void run(SimulatedClock clock, Pacer pacer, Long endTime, Supplier<String> haltReason,
                    dev.flotilla.engine.execution.BrokerUnavailableException unsettled, LongConsumer afterPause,
                    Consumer<String> storeProblem) throws InterruptedException {
        long cursor = clock.now();
        boolean settled = unsettled == null
                || BrokerPause.waitForBroker(unsettled, () -> afterPause.accept(clock.now()), thread::stopping, storeProblem);
        while (settled && !thread.stopping()) {
            thread.drain();
            long t = instants.nextEventTime(cursor);
            if (endTime != null && t >= endTime) {
                clock.advanceTo(Math.max(clock.now(), endTime));
                commitTime(endTime);
                log.info("engine reached its end time {}", java.time.Instant.ofEpochMilli(endTime));
                return;
            }
            if (!pacer.awaitEngineTime(t, thread::stopping)) break;
            clock.advanceTo(t);
            try {
                instants.runEventsAt(t, haltReason.get() == null);
                cursor = t + 1;
            } catch (StoreUnavailableException e) {
                // nothing of the failed step was committed or applied; wait for the store, then replay this instant
                if (!StorePause.waitForStore(store, e, thread::stopping, storeProblem)) break;
                afterPause.accept(t);
            } catch (dev.flotilla.engine.execution.BrokerUnavailableException e) {
                // the order is PENDING in the store: settled from the broker's answer, then this instant is replayed
                if (!BrokerPause.waitForBroker(e, () -> afterPause.accept(t), thread::stopping, storeProblem)) break;
            }
            snapshots.refresh(t, fleet.bots(), false);
        }
        thread.drain();
        commitTime(clock.now());
    }

    private void commitTime(long t) {
        store.write(tx -> tx.setting(timeKey, Long.toString(t)));
    }
}
