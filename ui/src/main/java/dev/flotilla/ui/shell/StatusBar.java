package dev.flotilla.ui.shell;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.fx.EventBridge;
import dev.flotilla.ui.fx.Pulse;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the mode badge, the engine clock and the event-drop counters. */
final class StatusBar extends HBox {

    private final Label mode = new Label();
    private final Label clock = new Label();
    private final Label fleet = new Label();
    private final Label market = new Label();
    private final Label ai = new Label();
    private final Label drops = new Label();
    private final Tooltip dropsTip = new Tooltip();

    StatusBar() {
        super(14);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        mode.getStyleClass().add("mode-badge");
        clock.getStyleClass().add("engine-clock");
        fleet.getStyleClass().add(Styles.TEXT_MUTED);
        market.getStyleClass().add("market-status");
        drops.getStyleClass().add("drop-counter");
        drops.setTooltip(dropsTip);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ai.setId("status-ai");
        ai.managedProperty().bind(ai.visibleProperty());
        getChildren().addAll(mode, clock, fleet, market, ai, gap, drops);
    }

    void show(Pulse p, MarketStatus m, AiStatus level) {
        // the AI level is only mentioned once configured; unavailable, it is greyed
        ai.setVisible(level != AiStatus.NOT_CONFIGURED);
        ai.setText("AI level " + (level == AiStatus.AVAILABLE ? "available" : "unavailable"));
        ai.getStyleClass().removeAll(Styles.SUCCESS, Styles.TEXT_MUTED);
        ai.getStyleClass().add(level == AiStatus.AVAILABLE ? Styles.SUCCESS : Styles.TEXT_MUTED);
        show(p, m);
    }

    void show(Pulse p, MarketStatus m) {
        market.setText(m.detail());
        market.getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
        if (m.state() != MarketStatus.State.OK) {
            market.getStyleClass().add(m.state() == MarketStatus.State.DEGRADED ? Styles.WARNING : Styles.DANGER);
        }
        show(p);
    }

    private void show(Pulse p) {
        String state = p.snapshot().state();
        mode.setText(state.equals("ACTIVE") ? p.snapshot().mode() : p.snapshot().mode() + " · " + state);
        mode.getStyleClass().removeAll("mode-halted", "mode-reducing", "mode-live");
        if (!state.equals("ACTIVE")) mode.getStyleClass().add("mode-" + state.toLowerCase(java.util.Locale.ROOT));
        else if (p.snapshot().mode().startsWith("LIVE")) mode.getStyleClass().add("mode-live");  // real money: red
        clock.setText("Engine clock " + (p.snapshot().engineTime() == 0 ? "–" : Fmt.time(p.snapshot().engineTime())));
        fleet.setText(p.snapshot().bots().size() + " bots, " + p.snapshot().openPositions() + " open positions");
        drops.setText("Dropped events: console " + p.consoleDropped() + " · all subscribers " + p.allDropped());
        dropsTip.setText("Events the console missed because it fell behind: " + p.busDropped() + " at the bus (queue of "
                + EventBridge.BUS_QUEUE + "), " + p.backlogDropped() + " in its backlog (" + EventBridge.BACKLOG
                + " per pulse). The tables and charts re-read the store, so nothing shown is lost.");
        drops.getStyleClass().remove(Styles.WARNING);
        if (p.allDropped() > 0) drops.getStyleClass().add(Styles.WARNING);
    }

    String clockText() {
        return clock.getText();
    }

    String modeText() {
        return mode.getText();
    }

    String dropsText() {
        return drops.getText();
    }
}
