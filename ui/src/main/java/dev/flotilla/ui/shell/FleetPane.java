package dev.flotilla.ui.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.flotilla.ui.screen.fleet.FleetModel;
import dev.flotilla.ui.screen.fleet.FleetTableView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The fleet's half of the window: its title, how many bots are shown, the filter, and the table. */
final class FleetPane {

    private FleetPane() {
    }

    static VBox of(CustomTextField find, FleetModel fleet, FleetTableView table) {
        find.setPromptText("Filter by id, strategy, symbol, timeframe or state  (" + Shortcut.FIND.display() + ")");
        find.textProperty().bindBidirectional(fleet.filter());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) find.clear();
        });
        HBox.setHgrow(find, Priority.ALWAYS);
        Label title = new Label("Fleet");
        title.getStyleClass().add(Styles.TITLE_4);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> fleet.shown().size() + " of " + fleet.rows().size() + " bots", fleet.shown(), fleet.rows()));
        HBox bar = new HBox(10, title, count, find);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(bar, table);
    }
}
