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
    private boolean running;
    private boolean again;

    /**
     * @param query makes the work to run, on the FX thread (so it can read the screen's current filter)
     * @param apply gets the result on the FX thread
     */
    public Reload(Loader loader, Supplier<Supplier<T>> query, Consumer<T> apply) {
        this.loader = loader;
        this.query = query;
        this.apply = apply;
    }

    public void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
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
        });
    }
}
