package dev.flotilla.ui.fx;

import dev.flotilla.engine.event.EngineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects events between two pulses of the window. Any thread may add; the FX thread takes them all at
 * once. It holds at most {@code capacity} events: beyond that, events are dropped and counted, never waited
 * for, so a stalled window can neither block the bus nor eat the memory.
 */
public final class Coalescer {

    private final int capacity;
    private List<EngineEvent> pending = new ArrayList<>();
    private long dropped;

    public Coalescer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
    }

    public synchronized void add(EngineEvent e) {
        if (pending.size() >= capacity) dropped++;
        else pending.add(e);
    }

    /** Everything collected since the last call, oldest first. */
    public synchronized List<EngineEvent> drain() {
        if (pending.isEmpty()) return List.of();
        List<EngineEvent> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
