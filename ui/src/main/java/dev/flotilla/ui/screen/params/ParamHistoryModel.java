package dev.flotilla.ui.screen.params;

import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.ParamsApi;
import dev.flotilla.engine.model.ParamChange;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One bot's parameter history as the engine stores it, newest first, and undoing a change. The engine decides
 * whether an undo is allowed; its refusal is shown as it is.
 */
public final class ParamHistoryModel {

    private final ParamsApi params;
    private final String botId;
    private final ObservableList<ParamChange> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ParamHistoryModel(ParamsApi params, String botId) {
        this.params = params;
        this.botId = botId;
        reload();
    }

    /** Reads the history again (FX thread). */
    public void reload() {
        rows.setAll(params.history(botId));
    }

    /** FX thread: asks the engine to undo {@code change}; when it answers, the list is read again or its refusal shown. */
    public CompletableFuture<Void> undo(ParamChange change) {
        message.set("");
        busy.set(true);
        CompletableFuture<Void> f;
        try {
            f = params.undo(botId, change.id());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((r, e) -> Platform.runLater(() -> {
            busy.set(false);
            if (e != null) message.set("Not undone: " + reason(e));
            reload();
        }));
    }

    static String reason(Throwable e) {
        Throwable t = dev.flotilla.ui.screen.dialog.Forms.cause(e);
        return t instanceof BotRejectedException r ? String.join("; ", r.check().problems().values()) : t.getMessage();
    }

    /** "Strategy" or "Risk limits". */
    public static String kind(ParamChange c) {
        return c.kind() == ParamChange.Kind.STRATEGY ? "Strategy" : "Risk limits";
    }

    /** What changed, one name a line: "fastPeriod 9 → 12". */
    public static String what(ParamChange c) {
        return String.join("\n", c.lines());
    }

    public String botId() { return botId; }
    public ObservableList<ParamChange> rows() { return rows; }
    /** The engine's refusal of the last undo, or "". */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** True while an undo waits for the engine. */
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
}
