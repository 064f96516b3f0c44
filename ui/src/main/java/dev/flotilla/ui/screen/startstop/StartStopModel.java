package dev.flotilla.ui.screen.startstop;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.model.BotStatus;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Starting or stopping one bot, the selected ones, or all: which bots the choice would change, said before
 * OK, and OK only when it changes at least one.
 */
public final class StartStopModel {

    public enum Scope { SELECTED, ALL }

    public enum Action { START, STOP }

    private final Supplier<FleetSnapshot> fleet;
    private final List<String> selected;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>();
    private final ObjectProperty<Action> action = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper okText = new ReadOnlyStringWrapper("OK");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    public StartStopModel(Supplier<FleetSnapshot> fleet, List<String> selected, Action initial) {
        this.fleet = fleet;
        this.selected = List.copyOf(selected);
        scope.set(selected.isEmpty() ? Scope.ALL : Scope.SELECTED);
        action.set(initial);
        scope.addListener((o, a, b) -> update());
        action.addListener((o, a, b) -> update());
        update();
    }

    /** The bots OK would start or stop. */
    public List<String> targets() {
        Action a = action.get();
        return bots().stream().filter(b -> a == Action.START ? b.status() != BotStatus.RUNNING : b.status() == BotStatus.RUNNING)
                .map(BotView::id).toList();
    }

    private List<BotView> bots() {
        List<BotView> all = fleet.get().bots();
        return scope.get() == Scope.ALL ? all : all.stream().filter(b -> selected.contains(b.id())).toList();
    }

    private void update() {
        List<String> t = targets();
        int n = bots().size();
        String verb = action.get() == Action.START ? "start" : "stop";
        if (scope.get() == Scope.SELECTED && selected.isEmpty()) {
            message.set("No bot is selected in the fleet table; choose all bots or select some first");
        } else if (t.isEmpty()) {
            message.set(n == 1 ? "This bot is already " + (action.get() == Action.START ? "running" : "not running")
                    : "All " + n + " bots are already " + (action.get() == Action.START ? "running" : "not running"));
        } else {
            message.set("");
        }
        valid.set(message.get().isEmpty());
        summary.set(t.isEmpty() ? "" : capital(verb) + "s " + names(t) + (action.get() == Action.STOP
                ? ". Open positions keep their stop-loss protection." : ". Each trades from its next candle close."));
        okText.set(t.isEmpty() ? capital(verb) : capital(verb) + " " + t.size() + (t.size() == 1 ? " bot" : " bots"));
    }

    private static String names(List<String> ids) {
        if (ids.size() <= 4) return String.join(", ", ids);
        return String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public int selectedCount() { return selected.size(); }
    public int fleetSize() { return fleet.get().bots().size(); }
    public ObjectProperty<Scope> scope() { return scope; }
    public ObjectProperty<Action> action() { return action; }
    public ReadOnlyStringProperty summary() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty okText() { return okText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
}
