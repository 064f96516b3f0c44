package dev.flotilla.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/** Runs slow work as a {@link Task} on one background thread; results come back on the FX thread. */
public final class FxLoader implements Loader, AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("console-work").unstarted(r));

    @Override
    public <T> void load(Supplier<T> work, Consumer<T> onFx, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.get();
            }
        };
        task.setOnSucceeded(e -> onFx.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
