package dev.flotilla.ui.screen.dashboard;

import atlantafx.base.theme.Styles;
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
 * The row of headline tiles over the fleet table: trading state, equity, day PnL, exposure, drawdown, bots,
 * and the place kept for the kill switch.
 */
public final class FiguresView extends HBox {

    /** The node id of the tile kept for the kill switch and the risk limits. */
    public static final String RISK_SLOT = "risk-slot";

    public FiguresView(DashboardModel m) {
        super(10);
        getStyleClass().add("figures");
        setPadding(new Insets(10, 12, 10, 12));
        Label state = value(m.state());
        m.stateStyle().addListener((o, a, b) -> restyle(state, a, b));
        Label day = value(m.dayPnl());
        m.dayPnlStyle().addListener((o, a, b) -> restyle(day, a, b));
        getChildren().addAll(
                tile("Fleet trading state", state, note(m.botsNote())),
                tile("Equity", value(m.equity()), note(m.equityNote())),
                tile("Day PnL", day, note(m.dayPnlNote())),
                tile("Exposure", value(m.exposure()), note(m.exposureNote())),
                tile("Drawdown", value(m.drawdown()), note(m.drawdownNote())),
                tile("Bots", value(m.bots()), note(m.positions())),
                riskSlot());
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
        box.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /**
     * Kept for the risk controls: the kill switch (halt, or halt and flatten) and the limits this row will
     * show exposure and drawdown against. Until they arrive the button says so and does nothing.
     */
    private static VBox riskSlot() {
        Button kill = new Button("Kill switch…");
        kill.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        kill.setDisable(true);
        Label note = new Label("comes with the risk controls");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label caption = new Label("RISK");
        caption.getStyleClass().addAll("figure-caption", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(4, caption, kill, note);
        box.setId(RISK_SLOT);
        box.getStyleClass().addAll("figure", "risk-slot");
        Tooltip.install(box, new Tooltip("Kill switch, risk limits and breaker resets arrive with the risk controls"));
        return box;
    }
}
