package dev.flotilla.ui.screen.fleet;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.engine.model.TradingState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The fleet table's rows and filter. Rows are matched to bots by id and updated in place at every pulse;
 * bots added or removed in the engine come and go. Works without a window.
 */
public final class FleetModel {

    private final ObservableList<BotRow> rows = FXCollections.observableArrayList();
    private final FilteredList<BotRow> shown = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<BotRow> selected = new SimpleObjectProperty<>();
    private final Map<String, BotRow> byId = new HashMap<>();
    private FleetSnapshot shownSnapshot;

    public FleetModel() {
        filter.addListener((o, a, b) -> refilter());
    }

    /** Shows a snapshot; returns true when anything changed. FX thread. */
    public boolean show(FleetSnapshot s) {
        if (s == shownSnapshot) return false;  // the engine publishes a new picture for every change
        shownSnapshot = s;
        boolean refilter = false;
        Set<String> present = new HashSet<>();
        for (BotView v : s.bots()) {
            present.add(v.id());
            BotRow row = byId.get(v.id());
            if (row == null) {
                row = new BotRow(v);
                byId.put(v.id(), row);
                rows.add(row);
            } else if (row.update(v)) {
                refilter = true;
            }
        }
        if (byId.size() > present.size()) {
            rows.removeIf(r -> !present.contains(r.id()));
            byId.keySet().retainAll(present);
        }
        if (refilter && !filter.get().isBlank()) refilter();
        return true;
    }

    /**
     * Shows each bot's trading state: the stricter of its own and the fleet's, with the reason. The fleet's state
     * is the snapshot's, which also says HALTED when the engine holds the fleet (a reconciliation mismatch). FX thread.
     */
    public void showRisk(RiskView r, TradingState fleetState, String fleetReason) {
        for (BotRow row : rows) {
            RiskView.BotRisk b = r.bots().get(row.id());
            TradingState own = b == null ? TradingState.ACTIVE : b.state();
            TradingState applies = own.stricter(fleetState);
            String why = applies == own && b != null && b.reason() != null ? b.reason()
                    : applies == fleetState && fleetReason != null ? "fleet: " + fleetReason : "";
            row.showTradingState(applies, own == TradingState.HALTED, why);
        }
    }

    private void refilter() {
        String f = filter.get();
        shown.setPredicate(r -> r.matches(f));
    }

    /** All rows, in the engine's order. */
    public ObservableList<BotRow> rows() {
        return rows;
    }

    /** The rows the filter lets through. */
    public FilteredList<BotRow> shown() {
        return shown;
    }

    public StringProperty filter() {
        return filter;
    }

    /** The row whose chart is shown. */
    public ObjectProperty<BotRow> selected() {
        return selected;
    }

    public BotRow row(String id) {
        return byId.get(id);
    }
}
