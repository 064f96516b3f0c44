package dev.flotilla.ui.screen.risk;

import dev.flotilla.engine.risk.InvalidLimitException;
import dev.flotilla.ui.screen.dialog.Forms;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Risk limits of one bot or of the portfolio: one field per limit, the engine's message under a bad one. */
public final class LimitsDialog {

    private final Dialog<ButtonType> dialog;
    private final Map<String, TextField> inputs = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper other = new ReadOnlyStringWrapper("");

    public LimitsDialog(LimitsModel model, Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (var e : model.fields().entrySet()) {
            LimitNames.Name name = LimitNames.of(e.getKey());
            Label label = new Label(name.label());
            label.setMinWidth(Label.USE_PREF_SIZE);
            TextField input = new TextField();
            input.setId("limit-" + e.getKey());
            input.setPrefColumnCount(10);
            input.textProperty().bindBidirectional(e.getValue());
            Label hint = Forms.hint(name.hint());
            hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> name.hint() + asPercent(e.getKey(), e.getValue().get()), e.getValue()));
            inputs.put(e.getKey(), input);
            grid.add(label, 0, row);
            GridPane.setValignment(label, VPos.TOP);
            grid.add(Forms.field(input, hint, Forms.message(model.message(e.getKey()))), 1, row++);
        }
        VBox content = new VBox(8, grid, Forms.message(other.getReadOnlyProperty()));
        content.setPadding(new Insets(4));
        content.setPrefWidth(660);
        String header = model.botId() == null ? "Portfolio: limits of the whole fleet and the brakes, from the next decision"
                : "Bot " + model.botId() + ": its own limits, from its next decision";
        dialog = Forms.dialog(owner, model.title(), header, content, model.valid());
        Forms.ok(dialog).setText("Save limits");
        Forms.onOk(dialog, () -> {
            other.set("");
            model.apply();
            return CompletableFuture.completedFuture(null);
        }, e -> {
            if (e instanceof InvalidLimitException i) model.refused(i, other::set);
            else other.set(String.valueOf(e.getMessage()));
        });
    }

    /** " = 3%" after a share, so a typed 0.03 reads as what it means. */
    private static String asPercent(String limit, String text) {
        if (limit.equals("maxTradesPerDay") || limit.equals("cooldownAfter") || limit.endsWith("Value")) return "";
        try {
            return "  ·  now " + new BigDecimal(text.strip()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        } catch (RuntimeException e) {
            return "";
        }
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public TextField input(String limit) { return inputs.get(limit); }
}
