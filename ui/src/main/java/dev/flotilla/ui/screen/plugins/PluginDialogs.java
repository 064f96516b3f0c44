package dev.flotilla.ui.screen.plugins;

import dev.flotilla.engine.api.PluginApi;
import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The console's plug-in dialogs. A jar waiting for approval is asked about once: one "Load plug-in?" dialog per jar
 * and SHA-256, opened when its event arrives or, for jars already waiting, when the console starts; a dialog whose jar
 * was answered elsewhere or has changed since is closed. The Plug-ins list is read again on every plug-in event.
 * FX thread only.
 */
public final class PluginDialogs {

    private static final String AWAITING = PluginView.Status.AWAITING_APPROVAL.name();
    private static final String FAILED = PluginView.Status.FAILED.name();

    private final PluginApi api;
    private final Loader loader;
    private final Supplier<Window> owner;
    /** The approval dialogs showing, by file name (a folder holds one version of a jar at a time). */
    private final Map<String, PluginApprovalDialog> open = new LinkedHashMap<>();
    /** Every jar and SHA-256 asked about this session. */
    private final Set<String> asked = new HashSet<>();
    private PluginsDialog list;

    public PluginDialogs(PluginApi api, Loader loader, Supplier<Window> owner) {
        this.api = api;
        this.loader = loader;
        this.owner = owner;
    }

    /** Asks about every jar that was already waiting when the console started (its event came before it listened). */
    public void askAtStart() {
        for (PluginView v : api.plugins()) {
            if (v.status() == PluginView.Status.AWAITING_APPROVAL) askOnce(v.file(), v.sha256());
        }
    }

    public void onPulse(Pulse p) {
        boolean changed = false;
        for (EngineEvent e : p.events()) {
            if (e instanceof SystemEvent.PluginChanged c) {
                changed = true;
                onChange(c);
            }
        }
        if (changed && list != null && list.dialog().isShowing()) list.model().reload();
    }

    private void onChange(SystemEvent.PluginChanged c) {
        PluginApprovalDialog d = open.get(c.file());
        boolean sameJar = d != null && (c.sha256() == null || c.sha256().isEmpty() || d.model().sha256().equals(c.sha256()));
        boolean answered = !AWAITING.equals(c.status()) && !FAILED.equals(c.status());
        // FAILED for the jar shown is the dialog's own load failing: it shows why and stays
        if (d != null && (!sameJar || answered) && d.model().state().get() != PluginApprovalModel.State.LOADING) d.close();
        if (AWAITING.equals(c.status())) askOnce(c.file(), c.sha256());
    }

    private void askOnce(String file, String sha256) {
        if (asked.add(file + " " + sha256)) ask(file, sha256);
    }

    /** The approval dialog of this jar: the one showing, or a new one. */
    public PluginApprovalDialog ask(String file, String sha256) {
        asked.add(file + " " + sha256);
        PluginApprovalDialog d = open.get(file);
        if (d != null && d.model().sha256().equals(sha256) && d.dialog().isShowing()) {
            Window w = d.dialog().getDialogPane().getScene().getWindow();
            if (w instanceof javafx.stage.Stage s) s.toFront();
            return d;
        }
        if (d != null) d.close();
        PluginApprovalDialog fresh = new PluginApprovalDialog(new PluginApprovalModel(api, loader, file, sha256), owner.get());
        open.put(file, fresh);
        fresh.dialog().setOnHidden(e -> {
            open.remove(file, fresh);
            if (list != null && list.dialog().isShowing()) list.model().reload();
        });
        fresh.dialog().show();
        return fresh;
    }

    /** File › Plug-ins…: the list of every jar; the one showing if it is open. */
    public PluginsDialog list() {
        if (list != null && list.dialog().isShowing()) {
            list.model().reload();
            return list;
        }
        list = new PluginsDialog(new PluginsModel(api, v -> ask(v.file(), v.sha256())), owner.get());
        list.dialog().show();
        return list;
    }

    /** The approval dialogs showing now, oldest first. */
    public List<PluginApprovalDialog> showing() {
        return new ArrayList<>(open.values());
    }
}
