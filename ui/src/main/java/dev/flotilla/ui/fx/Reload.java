package dev.flotilla.ui.fx;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * A query whose result a screen shows, run again whenever asked but never twice at once: a request while one
 * is running is remembered and served by one more run when it ends. So a flood of events costs at most one
 * query in flight and one waiting. FX thread only.
 */
public final class Reload<T> {

    private final Loader loader;
    private final Supplier<Supplier<T>> query;
    private final Consumer<T> apply;
    private final long gapNanos;
    private boolean running;
    private boolean again;
    private boolean soon;
    private long startedAt = Long.MIN_VALUE / 2;

    /**
     * @param query makes the work to run, on the FX thread (so it can read the screen's current filter)
     * @param apply gets the result on the FX thread
     */
    public Reload(Loader loader, Supplier<Supplier<T>> query, Consumer<T> apply) {
        this(loader, query, apply, 0);
    }

    /** @param gapMillis the least time from one run's start to the next one's that {@link #requestSoon()} keeps */
    public Reload(Loader loader, Supplier<Supplier<T>> query, Consumer<T> apply, long gapMillis) {
        this.loader = loader;
        this.query = query;
        this.apply = apply;
        this.gapNanos = gapMillis * 1_000_000;
    }

    /** Runs the query now, or as soon as the one running ends. */
    public void request() {
        soon = false;
        if (running) {
            again = true;
            return;
        }
        run();
    }

    /** Runs the query once the gap since the last run's start has passed (then at a {@link #poll()}). */
    public void requestSoon() {
        if (running || System.nanoTime() - startedAt < gapNanos) soon = true;
        else run();
    }

    /** Serves a request the gap held back, if the gap has passed. Call at each pulse. */
    public void poll() {
        if (soon && !running && System.nanoTime() - startedAt >= gapNanos) {
            soon = false;
            run();
        }
    }

    private void run() {
        running = true;
        startedAt = System.nanoTime();
        loader.load(query.get(), result -> {
            running = false;
            apply.accept(result);
            if (again) {
                again = false;
                request();
            }
        }, error -> {
            running = false;
            LoggerFactory.getLogger(Reload.class).error("a console query failed", error);
            // a request made meanwhile (another bot chosen, say) is still served
            if (again) {
                again = false;
                request();
            }
        });
    }
}
