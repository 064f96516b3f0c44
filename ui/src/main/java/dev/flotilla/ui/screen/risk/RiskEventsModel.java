package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stored risk events (refusals with their reason codes, breakers, trading-state changes), newest first,
 * for all bots or one. Re-read from the store in the background when a pulse brings a risk event.
 */
public final class RiskEventsModel {

    static final int LIMIT = 500;

    private final RiskApi risk;
    private final Loader loader;
    private final ObservableList<RiskRecord> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private List<RiskRecord> all = List.of();

    public RiskEventsModel(RiskApi risk, Loader loader) {
        this.risk = risk;
        this.loader = loader;
        botId.addListener((o, a, b) -> filter());
    }

    /** FX thread. */
    public void onPulse(Pulse p) {
        if (p.events().stream().anyMatch(e -> e instanceof RiskEvent)) reload();
    }

    public void reload() {
        loader.load(() -> risk.riskEvents(LIMIT), r -> {
            all = r;
            filter();
        });
    }

    private void filter() {
        String id = botId.get();
        rows.setAll(id == null ? all : all.stream().filter(r -> id.equals(r.botId())).toList());
    }

    public ObservableList<RiskRecord> rows() { return rows; }
    public ObjectProperty<String> botId() { return botId; }
}
