package dev.flotilla.ui.screen.plugins;

import dev.flotilla.engine.api.PluginApi;
import dev.flotilla.engine.api.PluginView;
import dev.flotilla.ui.fx.Loader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One jar waiting for the operator: its name, SHA-256 and folder, and what became of the question. Loading goes
 * through the {@link Loader} (the engine reads the jar again and loads it before it answers); a refusal the engine
 * gives (not a plug-in, changed since shown) is kept in {@link #message()} for the dialog to show.
 */
public final class PluginApprovalModel {

    public enum State { ASKING, LOADING, LOADED, FAILED, REFUSED }

    /** How long the engine may take to load a jar before the dialog stops waiting for it. */
    static final long TIMEOUT_SECONDS = 60;

    private final PluginApi api;
    private final Loader loader;
    private final String file;
    private final String sha256;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.ASKING);
    private final StringProperty message = new SimpleStringProperty("");

    public PluginApprovalModel(PluginApi api, Loader loader, String file, String sha256) {
        this.api = api;
        this.loader = loader;
        this.file = file;
        this.sha256 = sha256;
    }

    /** Approves this jar with the SHA-256 shown, and loads it. */
    public void approve() {
        if (!canAnswer()) return;
        state.set(State.LOADING);
        message.set("Loading " + file + "…");
        loader.load(() -> api.approve(file, sha256).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join(), this::loaded, e -> {
            state.set(State.FAILED);
            message.set("Not loaded: " + reason(e));
        });
    }

    private void loaded(PluginView v) {
        state.set(State.LOADED);
        message.set(v.strategies().isEmpty() ? "Loaded." : "Loaded: " + String.join(", ", v.strategies()));
    }

    /** Leaves the jar unloaded for this session. */
    public void refuse() {
        if (!canAnswer()) return;
        api.refuse(file, sha256);
        state.set(State.REFUSED);
        message.set("");
    }

    /** Whether the buttons can be pressed: not while loading, nor once answered. */
    public boolean canAnswer() {
        return state.get() == State.ASKING || state.get() == State.FAILED;
    }

    /** A failure in the engine's own words. */
    static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof TimeoutException) return "the engine did not answer within " + TIMEOUT_SECONDS + " s";
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    public String file() { return file; }
    public String sha256() { return sha256; }
    /** The plug-in folder, as the engine names it. */
    public String folder() { return api.folder(); }
    public ReadOnlyObjectProperty<State> state() { return state; }
    /** What happened when the operator answered: loading, loaded with its strategies, or why not. */
    public ReadOnlyStringProperty message() { return message; }
}
