package dev.flotilla.ui;

import dev.flotilla.engine.api.PluginApi;
import dev.flotilla.engine.api.PluginView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plug-in folder as a test sets it up: its views, and the approvals and refusals the console sent. */
final class FakePlugins implements PluginApi {

    static final String FOLDER = "/home/trader/.local/share/flotilla/plugins";

    final List<PluginView> views = new CopyOnWriteArrayList<>();
    final List<String> approved = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    /** Why approve fails, or null: it loads the jar with the strategies given. */
    volatile RuntimeException refusal;
    volatile List<String> strategies = List.of("sma-cross");

    FakePlugins with(PluginView v) {
        views.add(v);
        return this;
    }

    @Override
    public String folder() {
        return FOLDER;
    }

    @Override
    public List<PluginView> plugins() {
        return new ArrayList<>(views);
    }

    @Override
    public CompletableFuture<PluginView> approve(String file, String sha256) {
        approved.add(file + " " + sha256);
        if (refusal != null) return CompletableFuture.failedFuture(refusal);
        PluginView v = new PluginView(file, sha256, PluginView.Status.LOADED, strategies, "loaded");
        put(v);
        return CompletableFuture.completedFuture(v);
    }

    @Override
    public void refuse(String file, String sha256) {
        refused.add(file + " " + sha256);
        put(new PluginView(file, sha256, PluginView.Status.REFUSED, List.of(), "not loaded: refused by the operator"));
    }

    private void put(PluginView v) {
        views.removeIf(o -> o.file().equals(v.file()));
        views.add(v);
        views.sort(java.util.Comparator.comparing(PluginView::file));
    }
}
