package dev.flotilla.ui.screen.ai;

import dev.flotilla.engine.api.AiApi;
import dev.flotilla.engine.api.AiSettings;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.ui.fx.Loader;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "AI level…" dialog's state: the server, model, timeout and on/off, each bot's toggle, the status and the latest
 * analyses. Saving goes through the engine's AiApi, which checks the values first; a refusal is shown as it is.
 */
public final class AiLevelModel {

    static final int RECENT = 100;

    /** One bot's toggle. */
    public record BotToggle(String botId, BooleanProperty on) {
    }

    private final AiApi ai;
    private final Loader loader;
    private final StringProperty url = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty timeout = new SimpleStringProperty();
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ObjectProperty<AiStatus> status = new SimpleObjectProperty<>(AiStatus.NOT_CONFIGURED);
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<BotToggle> bots = FXCollections.observableArrayList();
    private final ObservableList<AiAnalysis> recent = FXCollections.observableArrayList();
    private Map<String, Boolean> stored = Map.of();

    public AiLevelModel(AiApi ai, Loader loader) {
        this.ai = ai;
        this.loader = loader;
        AiSettings s = ai.settings();
        url.set(s.url().isEmpty() ? AiSettings.DEFAULT_URL : s.url());
        model.set(s.model().isEmpty() ? AiSettings.DEFAULT_MODEL : s.model());
        timeout.set(String.valueOf(s.timeoutMs()));
        enabled.set(s.enabled());
        status.set(ai.status());
        reload();
    }

    /** Reads the bots' toggles and the latest analyses again, in the background. */
    public void reload() {
        loader.load(() -> Map.entry(ai.bots(), ai.recent(RECENT)), r -> {
            stored = r.getKey();
            bots.setAll(stored.entrySet().stream().map(e -> new BotToggle(e.getKey(), new SimpleBooleanProperty(e.getValue())))
                    .toList());
            recent.setAll(r.getValue());
            status.set(ai.status());
        });
    }

    /** Asks the server now, off the FX thread; the status follows. */
    public void check() {
        checking.set(true);
        loader.load(ai::checkNow, s -> {
            status.set(s);
            checking.set(false);
        }, e -> {
            message.set(e.getMessage());
            checking.set(false);
        });
    }

    /** Stores the settings and the toggles that changed; false (with the message set) when the engine refused them. */
    public boolean save() {
        long ms;
        try {
            ms = Long.parseLong(timeout.get().strip());
        } catch (NumberFormatException e) {
            message.set("the timeout must be a whole number of milliseconds");
            return false;
        }
        try {
            AiSettings s = new AiSettings(url.get(), model.get(), ms, enabled.get());
            if (!s.equals(ai.settings())) ai.configure(s);
            Map<String, Boolean> now = new LinkedHashMap<>(stored);
            for (BotToggle t : bots) {
                if (!Boolean.valueOf(t.on().get()).equals(stored.get(t.botId()))) ai.setBot(t.botId(), t.on().get());
                now.put(t.botId(), t.on().get());
            }
            stored = now;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            message.set(e.getMessage());
            return false;
        }
        message.set("");
        status.set(ai.status());
        return true;
    }

    /** Turns every bot on or off (not stored until saved). */
    public void all(boolean on) {
        bots.forEach(t -> t.on().set(on));
    }

    public StringProperty url() { return url; }
    public StringProperty model() { return model; }
    public StringProperty timeout() { return timeout; }
    public BooleanProperty enabled() { return enabled; }
    public ObjectProperty<AiStatus> status() { return status; }
    public BooleanProperty checking() { return checking; }
    public StringProperty message() { return message; }
    public ObservableList<BotToggle> bots() { return bots; }
    public ObservableList<AiAnalysis> recent() { return recent; }
}
