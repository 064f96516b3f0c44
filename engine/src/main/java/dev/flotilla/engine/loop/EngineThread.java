package dev.flotilla.engine.loop;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread and the queue of work handed to it from other threads: started and stopped, asked to
 * stop after the event in hand, and the error that stopped it. Work handed over while it is not running runs at
 * once in the caller's thread; work queued before it ends is still run.
 */
public final class EngineThread {

    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);

    /** What the thread runs until it returns, is asked to stop or fails. */
    public interface Body {
        void run() throws InterruptedException;
    }

    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private volatile CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread thread;

    /** Starts the thread on {@code body}; {@code atEnd} runs on it last, however the body ended. */
    public void start(Body body, Runnable atEnd) {
        if (isRunning()) throw new IllegalStateException("the engine is already running");
        stopping = false;
        CountDownLatch done = new CountDownLatch(1);
        finished = done;
        thread = Thread.ofPlatform().name("engine").start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure = t;
                log.error("the engine stopped on an error", t);
            } finally {
                atEnd.run();
                synchronized (this) {
                    done.countDown();
                    drain();  // queued before the end: run them rather than leave their callers waiting
                }
            }
        });
    }

    /** Whether the thread has been asked to stop after the event in hand. */
    public boolean stopping() {
        return stopping;
    }

    /** The queue a pacer watches, so that work handed over wakes the thread. */
    public BlockingQueue<Runnable> commands() {
        return commands;
    }

    /** Runs the work queued so far; on the engine thread. */
    public void drain() {
        Runnable r;
        while ((r = commands.poll()) != null) r.run();
    }

    /** Queues work for the engine thread, or runs it at once when the engine is not running. */
    public synchronized void submit(Runnable r) {
        if (isRunning()) commands.add(r);
        else r.run();
    }

    /** Asks the thread to stop after the event it is processing; waits until it has. */
    public void shutdown() throws InterruptedException {
        stopping = true;
        if (thread != null) thread.join();
    }

    public void awaitTermination() throws InterruptedException {
        finished.await();
    }

    /** Waits at most {@code millis} for the thread to stop; true once it has. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return finished.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return finished.getCount() > 0 && thread != null;
    }

    public Throwable failure() {
        return failure;
    }
}
