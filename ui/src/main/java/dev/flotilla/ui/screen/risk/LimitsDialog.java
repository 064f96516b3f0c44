package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.LimitInfo;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Risk limits of one bot or of the portfolio: one field per limit as the engine describes it (label, unit, range,
 * default and what it does), the engine's message under a bad one.
 */
public final class LimitsDialog {

    private final Dialog<ButtonType> dialog;
    private final Map<String, TextField> inputs = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper other = new ReadOnlyStringWrapper("");

    public LimitsDialog(LimitsModel model, Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (LimitInfo l : model.limits()) {
            StringProperty text = model.field(l.name());
            Label label = new Label(l.label());
            label.setMinWidth(Label.USE_PREF_SIZE);
            TextField input = new TextField();
            input.setId("limit-" + l.name());
            input.setPrefColumnCount(10);
            input.textProperty().bindBidirectional(text);
            Label unit = new Label();
            unit.getStyleClass().add("field-unit");
            unit.setMinWidth(Label.USE_PREF_SIZE);
            unit.textProperty().bind(Bindings.createStringBinding(() -> LimitsModel.unit(l, text.get()), text));
            HBox line = new HBox(8, input, unit);
            line.setAlignment(Pos.CENTER_LEFT);
            Label message = Forms.message(model.message(l.name()));
            inputs.put(l.name(), input);
            messages.put(l.name(), message);
            grid.add(label, 0, row);
            GridPane.setValignment(label, VPos.TOP);
            label.setPadding(new Insets(4, 0, 0, 0));
            grid.add(Forms.field(line, Forms.hint(LimitsModel.hint(l)), message), 1, row++);
        }
        VBox content = new VBox(8, grid, Forms.message(other.getReadOnlyProperty()));
        content.setPadding(new Insets(4));
        content.setPrefWidth(660);
        String scope = model.botId() == null ? "Portfolio: limits of the whole fleet and the brakes, from the next decision"
                : "Bot " + model.botId() + ": its own limits, from its next decision";
        String header = scope + ".\nShares are typed as fractions: 0.03 is 3%.";
        dialog = Forms.dialog(owner, model.title(), header, content, model.valid());
        Forms.ok(dialog).setText("Save limits");
        Forms.onOk(dialog, () -> {
            other.set("");
            model.apply();
            return CompletableFuture.completedFuture(null);
        }, e -> {
            if (e instanceof InvalidInputException i) model.refused(i, other::set);
            else other.set(String.valueOf(e.getMessage()));
        });
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public TextField input(String limit) { return inputs.get(limit); }
    /** The message shown under a limit's field ("" when there is none). */
    public Label message(String limit) { return messages.get(limit); }
}
