package dev.flotilla.ui.fx;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (a query, indicator math) off the FX thread and hands its result back on it. View models
 * take one, so tests can give them a loader that runs at once.
 */
public interface Loader {

    /** Runs {@code work} in the background; {@code onFx} gets its result, or {@code onError} its failure, on the FX thread. */
    <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError);

    /** As above; a failure is logged. */
    default <T> void load(Supplier<T> work, Consumer<T> onFx) {
        load(work, onFx, e -> LoggerFactory.getLogger(Loader.class).error("background work of the console failed", e));
    }

    /**
     * Runs each piece of work on a daemon thread of its own, for calls that may wait long (the exchange, a keychain
     * asking to be unlocked) and must not hold up the loader the charts share.
     */
    static Loader threadPerCall(String threadName) {
        return new Loader() {
            @Override
            public <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
                Thread.ofPlatform().daemon().name(threadName).start(() -> {
                    T result;
                    try {
                        result = work.get();
                    } catch (RuntimeException | Error e) {
                        javafx.application.Platform.runLater(() -> onError.accept(e));
                        return;
                    }
                    javafx.application.Platform.runLater(() -> onFx.accept(result));
                });
            }
        };
    }

    /** Runs everything at once on the calling thread: for view models under test. */
    Loader DIRECT = new Loader() {
        @Override
        public <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                onError.accept(e);
                return;
            }
            onFx.accept(result);
        }
    };
}
