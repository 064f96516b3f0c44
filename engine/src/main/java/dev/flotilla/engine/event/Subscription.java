package dev.flotilla.engine.event;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One subscriber's bounded queue and the thread that delivers from it. */
public final class Subscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private final String name;
    private final BlockingQueue<EngineEvent> queue;
    private final Consumer<? super EngineEvent> handler;
    private final Consumer<Subscription> onClose;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;
    private volatile boolean open = true;

    Subscription(String name, int capacity, Consumer<? super EngineEvent> handler, Consumer<Subscription> onClose) {
        if (capacity < 1) throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.onClose = onClose;
        this.thread = Thread.ofPlatform().daemon().name("bus-" + name).start(this::deliver);
    }

    void offer(EngineEvent event) {
        if (!open || !queue.offer(event)) dropped.incrementAndGet();
    }

    private void deliver() {
        while (open || !queue.isEmpty()) {
            EngineEvent e;
            try {
                e = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                return;
            }
            if (e == null) continue;
            try {
                handler.accept(e);
            } catch (RuntimeException ex) {
                // a failing subscriber must not stop its own delivery, nor anybody else's
                log.error("subscriber '{}' failed on {}", name, e.type(), ex);
            }
            delivered.incrementAndGet();
        }
    }

    public String name() {
        return name;
    }

    public long dropped() {
        return dropped.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public int queued() {
        return queue.size();
    }

    /** Stops delivery after what is already queued has been handed over. */
    @Override
    public void close() {
        if (!open) return;
        open = false;
        onClose.accept(this);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
