package dev.flotilla.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C for a long command: while it is open, a stop of the process sets {@link #requested} and waits (up to a bound)
 * until the command has closed it, so the command can stop at a safe point, say what it kept and close its store.
 */
final class CancelOnExit implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    CancelOnExit(String name, long waitSeconds) {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                closed.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the process is being stopped. */
    boolean requested() {
        return requested.get();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the process is ending (Ctrl-C): the hook is running
        }
    }
}
