package dev.flotilla.ui.screen.dashboard;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The row of headline tiles over the fleet table: trading state, the kill switch (next to it, so it stays in
 * view however narrow the window), equity, day PnL, exposure and drawdown against their limits, bots.
 */
public final class FiguresView extends HBox {

    /** The node id of the kill switch tile. */
    public static final String RISK_TILE = "risk-tile";

    private final Button kill = new Button();
    private final Button limits = new Button("Limits…");

    /**
     * @param killSwitch opens the kill switch dialog (or its release, when the switch is on)
     * @param riskLimits opens the portfolio's risk limits
     */
    public FiguresView(DashboardModel m, Runnable killSwitch, Runnable riskLimits) {
        super(10);
        getStyleClass().add("figures");
        setPadding(new Insets(10, 12, 10, 12));
        Label state = value(m.state());
        m.stateStyle().addListener((o, a, b) -> restyle(state, a, b));
        Label exposure = value(m.exposure());
        Label drawdown = value(m.drawdown());
        m.exposureOver().addListener((o, a, over) -> flag(exposure, over));
        m.drawdownOver().addListener((o, a, over) -> flag(drawdown, over));
        Label day = value(m.dayPnl());
        m.dayPnlStyle().addListener((o, a, b) -> restyle(day, a, b));
        getChildren().addAll(
                tile("Fleet trading state", state, note(m.botsNote())),
                riskTile(m, killSwitch, riskLimits),
                tile("Equity", value(m.equity()), note(m.equityNote())),
                tile("Day PnL", day, note(m.dayPnlNote())),
                tile("Exposure", exposure, note(m.exposureNote())),
                tile("Drawdown", drawdown, note(m.drawdownNote())),
                tile("Bots", value(m.bots()), note(m.positions())));
    }

    /** A figure at or over its limit is shown in the danger colour. */
    private static void flag(Label l, boolean over) {
        dev.flotilla.ui.fx.StyleClasses.set(l, over ? "over-limit" : null, java.util.List.of("over-limit"));
    }

    private static void restyle(Label l, String old, String now) {
        if (old != null && !old.isEmpty()) l.getStyleClass().remove(old);
        if (now != null && !now.isEmpty()) l.getStyleClass().add(now);
    }

    private static Label value(ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("figure-value", Styles.TITLE_4);
        return l;
    }

    private static Label note(ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll("figure-note", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }

    private static VBox tile(String title, Node value, Node note) {
        Label caption = new Label(title.toUpperCase(java.util.Locale.ROOT));
        caption.getStyleClass().addAll("figure-caption", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(2, caption, value, note);
        box.getStyleClass().add("figure");
        // a narrow window shortens the notes (with an ellipsis) rather than pushing the last tiles out of view
        box.setMinWidth(110);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** The kill switch, one click away: its state, the button that halts or releases the fleet, and the limits. */
    private VBox riskTile(DashboardModel m, Runnable killSwitch, Runnable riskLimits) {
        kill.textProperty().bind(Bindings.when(m.killSwitchOn()).then("Release…").otherwise("Halt…"));
        kill.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        kill.setOnAction(e -> killSwitch.run());
        limits.getStyleClass().add(Styles.SMALL);
        limits.setOnAction(e -> riskLimits.run());
        Label state = value(m.killSwitch());
        m.killSwitchOn().addListener((o, a, on) -> {
            state.getStyleClass().remove("state-halted");
            if (on) state.getStyleClass().add("state-halted");
        });
        VBox box = tile("Kill switch", state, new HBox(6, kill, limits));
        box.getChildren().add(note(m.killSwitchNote()));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setId(RISK_TILE);
        box.getStyleClass().add("risk-tile");
        Tooltip.install(box, new Tooltip("Halt the fleet (" + "Ctrl+K" + "), or set the portfolio's risk limits"));
        return box;
    }

    public Button killButton() { return kill; }
    public Button limitsButton() { return limits; }
}
