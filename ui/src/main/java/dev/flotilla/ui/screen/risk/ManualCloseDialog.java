package dev.flotilla.ui.screen.risk;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.ClosePlan;
import dev.flotilla.engine.api.CloseResult;
import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The confirmation of a manual close: what will be sold (each position, its quantity and symbol, its bot), on which
 * market, that each is a market order, and what else to know (a halted fleet, bots that keep running). OK sends
 * exactly the plan shown; what the engine did then goes to {@code done}.
 */
public final class ManualCloseDialog {

    private final Dialog<ButtonType> dialog;
    private final Label summary = new Label();
    private final VBox lines = new VBox(2);
    private final Label message = new Label();

    public ManualCloseDialog(ClosePlan plan, RiskApi risk, Window owner, Consumer<CloseResult> done) {
        summary.setText(plan.summary());
        summary.getStyleClass().addAll(Styles.TEXT_BOLD, "close-summary");
        wrap(summary);
        plan.positions().forEach(p -> {
            Label l = new Label("• " + p.text());
            l.getStyleClass().add("close-line");
            wrap(l);
            lines.getChildren().add(l);
        });
        VBox content = new VBox(8, summary, lines);
        content.getChildren().add(wrap(Forms.hint("Each position is sold in full by a market order (filled at the price of the "
                + "moment, not a limit), with the reason MANUAL; the risk gateway checks it like any order.")));
        plan.notes().forEach(n -> content.getChildren().add(wrap(Forms.hint(n))));
        message.getStyleClass().add(Styles.DANGER);
        wrap(message);
        content.getChildren().add(message);
        content.setPadding(new Insets(4));
        content.setPrefWidth(560);
        int n = plan.positions().size();
        dialog = Forms.dialog(owner, "Close positions", n == 1 ? "Close a position now" : "Close " + n + " positions now",
                content, new SimpleBooleanProperty(n > 0));
        Forms.ok(dialog).setText(n == 1 ? "Close 1 position" : "Close " + n + " positions");
        Forms.ok(dialog).getStyleClass().add(Styles.DANGER);
        javafx.scene.control.ButtonBar.setButtonUniformSize(Forms.ok(dialog), false);
        Forms.onOk(dialog, () -> risk.closePositions(plan).thenAccept(r -> javafx.application.Platform.runLater(() -> done.accept(r))),
                e -> message.setText("Nothing was closed: " + e.getMessage()));
    }

    private static Label wrap(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(550);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public Label summary() { return summary; }
    /** One label per position to close. */
    public VBox lines() { return lines; }
    /** Where a refusal of the engine shows. */
    public Label message() { return message; }
}
