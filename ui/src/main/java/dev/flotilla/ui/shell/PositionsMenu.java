package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.PositionView;
import dev.flotilla.ui.screen.history.HistoryView;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;

/**
 * The manual close items of the positions table's context menu: the selected open position, or every open position in
 * its symbol. Added to the menu the table has (or a new one), so other items stay.
 */
public final class PositionsMenu {

    private final MenuItem close = new MenuItem("Close this position…");
    private final MenuItem closeSymbol = new MenuItem("Close all positions in this symbol…");

    PositionsMenu(TableView<PositionView> table, PositionActions actions) {
        close.setOnAction(e -> {
            PositionView p = table.getSelectionModel().getSelectedItem();
            if (p != null && p.open()) actions.closeBots(List.of(p.botId()));
        });
        closeSymbol.setOnAction(e -> {
            PositionView p = table.getSelectionModel().getSelectedItem();
            if (p != null) actions.closeSymbol(p.symbol());
        });
        ContextMenu menu = table.getContextMenu() != null ? table.getContextMenu() : new ContextMenu();
        if (!menu.getItems().isEmpty()) menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(close, closeSymbol);
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            PositionView p = table.getSelectionModel().getSelectedItem();
            close.setDisable(p == null || !p.open());
            closeSymbol.setDisable(p == null);
            closeSymbol.setText(p == null ? "Close all positions in this symbol…" : "Close all positions in " + p.symbol() + "…");
        });
        table.setContextMenu(menu);
    }

    /** The positions table of the history's tabs. */
    @SuppressWarnings("unchecked")
    public static TableView<PositionView> table(HistoryView history) {
        return history.tabs().getTabs().stream().filter(t -> t.getText().equals("Positions"))
                .map(t -> (TableView<PositionView>) t.getContent()).findFirst().orElseThrow();
    }

    public List<MenuItem> items() {
        return List.of(close, closeSymbol);
    }
}
