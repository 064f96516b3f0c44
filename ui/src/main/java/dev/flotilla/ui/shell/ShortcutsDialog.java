package dev.flotilla.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The help dialog that lists the keyboard shortcuts. */
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    static Dialog<ButtonType> create(Window owner) {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(8);
        g.setPadding(new Insets(4));
        int row = 0;
        for (Shortcut s : Shortcut.all()) {
            Label keys = new Label(s.display());
            keys.getStyleClass().addAll("shortcut-keys", Styles.TEXT_BOLD);
            keys.setMinWidth(Label.USE_PREF_SIZE);
            g.add(keys, 0, row);
            g.add(new Label(s.description()), 1, row++);
        }
        Label more = new Label("In the fleet table: right-click a bot for start, stop, edit, parameter history, chart, risk limits, reset breaker and remove; "
                + "double-click a bot to see its chart.");
        more.setWrapText(true);
        Label chart = new Label("On the price chart (click it first): + and − zoom, ← and → pan, Home or 0 back to the chosen range; "
                + "drag a box to zoom, the wheel zooms, middle-drag or Shift+drag pans; right-click for the chart's menu.");
        chart.setWrapText(true);
        chart.setMaxWidth(460);
        chart.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        g.add(chart, 0, row++, 2, 1);
        more.setMaxWidth(460);
        more.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        g.add(more, 0, row, 2, 1);
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dev.flotilla.ui.screen.dialog.Forms.style(d);
        return d;
    }
}
