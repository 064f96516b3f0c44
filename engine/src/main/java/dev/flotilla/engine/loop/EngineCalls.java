package dev.flotilla.engine.loop;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.event.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the engine lends the classes that carry out operator commands for it.
 *
 * @param onEngine  runs work on the engine thread (at once when the engine is not running)
 * @param clock     engine time; engine thread only
 * @param publisher logs and publishes events of committed changes; engine thread only
 * @param refresher rebuilds the fleet snapshot at once; engine thread only
 * @param latest    the latest fleet snapshot, from any thread
 */
public record EngineCalls(Executor onEngine, LongSupplier clock, Consumer<List<EngineEvent>> publisher, Runnable refresher,
                   Supplier<FleetSnapshot> latest) {

    /**
     * Runs an operator command on the engine thread (at once when the engine is not running), then publishes the
     * events it collected and refreshes the snapshot. A failing command is logged; the engine carries on.
     */
    public void run(Consumer<List<EngineEvent>> work) {
        onEngine.execute(() -> {
            List<EngineEvent> events = new ArrayList<>();
            try {
                work.accept(events);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(EngineCalls.class).error("an operator command failed", e);
            }
            publish(events);
            refresh();
        });
    }

    /** Runs {@code work} on the engine thread; completes with its result, or its exception. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, onEngine);
    }

    public long now() {
        return clock.getAsLong();
    }

    public void publish(List<EngineEvent> events) {
        publisher.accept(events);
    }

    public void refresh() {
        refresher.run();
    }

    public FleetSnapshot snapshot() {
        return latest.get();
    }
}
