package dev.flotilla.ui.screen.params;

import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A bot's parameter history: when (engine time, UTC), what (its strategy or its risk limits), each changed value
 * old → new, and who changed it; Undo gives the selected change's old values back as a new change.
 */
public final class ParamHistoryDialog {

    public static final ButtonType UNDO = new ButtonType("Undo", ButtonBar.ButtonData.LEFT);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TableView<ParamChange> table = new TableView<>();
    private final Label message;

    public ParamHistoryDialog(ParamHistoryModel model, Window owner) {
        table.setItems(model.rows());
        table.getColumns().add(column("Time (UTC)", c -> Fmt.time(c.at()).replace(" UTC", ""), 165));
        table.getColumns().add(column("Kind", ParamHistoryModel::kind, 100));
        table.getColumns().add(column("Change (old → new)", ParamHistoryModel::what, 250));
        table.getColumns().add(column("Source", ParamChange::source, 80));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No changes yet: edits of the bot's parameters and risk limits are listed here"));
        table.getColumns().get(0).setMinWidth(165);
        table.getColumns().get(1).setMinWidth(100);
        table.setPrefSize(720, 300);
        message = Forms.message(model.message());
        message.setMaxWidth(700);
        VBox content = new VBox(8, table, message);
        content.setPadding(new Insets(4));
        content.setPrefWidth(740);

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Parameter history of " + model.botId());
        dialog.setHeaderText("Changes of " + model.botId() + "'s strategy and risk limits, newest first (engine time).\n"
                + "Undo gives the selected change's old values back, as a new change.");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(UNDO, ButtonType.CLOSE);
        Forms.style(dialog);
        Button undo = undoButton();
        undo.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()).or(model.busy()));
        undo.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();  // the dialog stays open to show the new row, or the engine's refusal
            model.undo(table.getSelectionModel().getSelectedItem());
        });
    }

    private static TableColumn<ParamChange, String> column(String title, Function<ParamChange, String> f, double width) {
        TableColumn<ParamChange, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public TableView<ParamChange> table() { return table; }
    public Button undoButton() { return (Button) dialog.getDialogPane().lookupButton(UNDO); }
    /** The engine's refusal of the last undo ("" when there is none). */
    public Label message() { return message; }
}
