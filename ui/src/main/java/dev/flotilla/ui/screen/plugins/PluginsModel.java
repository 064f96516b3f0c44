package dev.flotilla.ui.screen.plugins;

import dev.flotilla.engine.api.PluginApi;
import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.api.PluginView.Status;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Plug-ins dialog's state: every jar the engine has seen in the plug-in folder, read again on each change, and
 * the one selected. Approving goes through the approval dialog (the full SHA-256 and the question); refusing is
 * done at once.
 */
public final class PluginsModel {

    private final PluginApi api;
    private final Consumer<PluginView> approve;
    private final ObservableList<PluginView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PluginView> selected = new SimpleObjectProperty<>();

    /** @param approve asks the operator about one jar (opens, or brings forward, its approval dialog) */
    public PluginsModel(PluginApi api, Consumer<PluginView> approve) {
        this.api = api;
        this.approve = approve;
        reload();
    }

    /** Reads the list again, keeping the selection on the same jar. */
    public void reload() {
        String file = selected.get() == null ? null : selected.get().file();
        rows.setAll(api.plugins());
        selected.set(rows.stream().filter(v -> Objects.equals(v.file(), file)).findFirst().orElse(null));
    }

    public void approveSelected() {
        if (canApprove().get()) approve.accept(selected.get());
    }

    public void refuseSelected() {
        if (!canRefuse().get()) return;
        api.refuse(selected.get().file(), selected.get().sha256());
        reload();
    }

    /** A jar waiting, or refused earlier this session, can still be approved. */
    public BooleanBinding canApprove() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().sha256().isEmpty()
                && (selected.get().status() == Status.AWAITING_APPROVAL || selected.get().status() == Status.REFUSED), selected);
    }

    public BooleanBinding canRefuse() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().status() == Status.AWAITING_APPROVAL,
                selected);
    }

    /** A status as the list writes it. */
    public static String status(Status s) {
        return switch (s) {
            case AWAITING_APPROVAL -> "waiting for approval";
            case LOADED -> "loaded";
            case FAILED -> "failed";
            case REFUSED -> "not loaded (refused)";
        };
    }

    /** The first 12 digits of a SHA-256, as the engine's messages quote it. */
    public static String shortSha(String sha) {
        return sha == null || sha.isEmpty() ? "" : sha.length() <= 12 ? sha : sha.substring(0, 12) + "…";
    }

    public String folder() { return api.folder(); }
    public ObservableList<PluginView> rows() { return rows; }
    public ObjectProperty<PluginView> selected() { return selected; }
}
