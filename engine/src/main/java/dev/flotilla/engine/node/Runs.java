package dev.flotilla.engine.node;

import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.Store;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines a node runs: the groups of bots standing at different engine times merged from the earliest (each run
 * alone up to the next group's time, on an engine of its own, then with it), and the engine of all of them started.
 */
final class Runs {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final BiFunction<Set<String>, Boolean, Engine> make;
    private final Store store;
    private final NodeOptions options;
    private Engine settled;
    private volatile int catchUps;

    /** @param make a booted engine for the bots, at full speed when the flag says it only catches up */
    Runs(BiFunction<Set<String>, Boolean, Engine> make, Store store, NodeOptions options) {
        this.make = make;
        this.store = store;
        this.options = options;
    }

    /** How many times bots ran alone to be brought to the others' time. */
    int catchUps() {
        return catchUps;
    }

    /** Whether the control thread already dealt with this engine's end. */
    boolean settled(Engine e) {
        return e == settled;
    }

    void settle(Engine e) {
        settled = e;
    }

    /** Whether the error is (or was caused by) a write the database refused because the lease had passed. */
    static boolean leaseLost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof LeaseStore.LeaseLostException) return true;
        return false;
    }

    /**
     * Brings the groups together and starts the engine of all their bots; null when a catch-up run found a lease
     * passed (the next heartbeat says which, and the node builds again).
     */
    Engine merge(List<TimeLine.Group> groups) throws InterruptedException {
        Set<String> bots = new HashSet<>();
        long t = groups.getFirst().time();
        for (TimeLine.Group g : groups) {
            long to = options.until() == null ? g.time() : Math.min(g.time(), options.until());
            // a real-time engine resumes at the wall clock whatever its time: nothing to catch up (as a restart)
            if (options.config().simulated() && !bots.isEmpty() && to > t && !catchUp(bots, t, to)) return null;
            bots.addAll(g.bots());
            t = Math.max(t, g.time());
        }
        ownTime(t);
        Engine main = make.apply(bots, false);
        main.start(options.until());
        return main;
    }

    /**
     * Runs {@code bots} alone from {@code from} up to {@code to} (exclusive), as fast as the machine allows (simulated
     * time gives the same trades at any speed); false when a lease passed meanwhile.
     */
    private boolean catchUp(Set<String> bots, long from, long to) throws InterruptedException {
        long started = System.nanoTime();
        ownTime(from);
        Engine e = make.apply(bots, true);
        e.start(to);
        e.awaitTermination();
        Throwable f = e.failure();
        if (f != null && leaseLost(f)) return false;
        if (f != null) throw new NodeRuntime.NodeFailure("catching up " + bots.size() + " bot(s) failed", f);
        catchUps++;
        log.info("node {}: {} bot(s) caught up from {} to {} in {} ms", options.name(), bots.size(),
                java.time.Instant.ofEpochMilli(from), java.time.Instant.ofEpochMilli(to), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void ownTime(long t) {
        store.write(tx -> tx.setting(EngineSettings.nodeTime(options.name()), Long.toString(t)));
    }
}
