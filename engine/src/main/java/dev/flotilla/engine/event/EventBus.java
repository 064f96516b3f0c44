package dev.flotilla.engine.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-process event bus. Publishing never blocks: each subscriber has its own bounded queue and its own
 * delivery thread, and when a slow subscriber's queue is full its further events are dropped and counted.
 * Nothing that must not be lost travels only here: the store is written before an event is published.
 */
public final class EventBus implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 1_000;

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Subscribes with the default queue capacity. */
    public Subscription subscribe(String name, Consumer<? super EngineEvent> handler) {
        return subscribe(name, DEFAULT_CAPACITY, handler);
    }

    public Subscription subscribe(String name, int capacity, Consumer<? super EngineEvent> handler) {
        Subscription s = new Subscription(name, capacity, handler, subscriptions::remove);
        subscriptions.add(s);
        return s;
    }

    /** Hands the event to every subscriber's queue; returns at once. */
    public void publish(EngineEvent event) {
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    public void publishAll(List<? extends EngineEvent> events) {
        for (EngineEvent e : events) publish(e);
    }

    /** Events dropped so far per subscriber, by name. */
    public Map<String, Long> dropCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Subscription s : subscriptions) counts.merge(s.name(), s.dropped(), Long::sum);
        return counts;
    }

    public long totalDropped() {
        return subscriptions.stream().mapToLong(Subscription::dropped).sum();
    }

    @Override
    public void close() {
        for (Subscription s : List.copyOf(subscriptions)) s.close();
    }
}
