package dev.flotilla.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Running test code on the FX thread and waiting on conditions (never on time alone). */
final class Fx {

    static final long TIMEOUT_SECONDS = 60;

    private Fx() {
    }

    static void start() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    static <T> T on(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        on(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until the window has pulsed twice more, so that every chart has redrawn what it was last given (a
     * chart draws in the layout pass of a pulse, which a snapshot alone does not run).
     */
    static void settle(dev.flotilla.ui.shell.MainWindow w) throws Exception {
        long now = on(() -> w.bridge().pulses());
        await("two more pulses", () -> w.bridge().pulses() >= now + 2);
    }

    /** Waits until {@code condition}, checked on the FX thread, holds; fails with {@code what} after the timeout. */
    static void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!on(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(50);
        }
    }
}
