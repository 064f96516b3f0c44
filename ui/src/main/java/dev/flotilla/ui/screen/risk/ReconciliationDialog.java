package dev.flotilla.ui.screen.risk;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The books and the broker disagreed at start: every difference exactly as the engine found it, and the
 * operator's two choices, keep the fleet halted or take the broker's balances as the truth.
 */
public final class ReconciliationDialog {

    public static final ButtonType KEEP_HALTED = new ButtonType("Keep the fleet halted", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType ACCEPT = new ButtonType("Accept the broker's view", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public ReconciliationDialog(EngineApi engine, Window owner) {
        List<String> differences = engine.reconciliationDifferences();
        VBox lines = new VBox(6);
        for (String d : differences) {
            Label l = new Label("• " + d);
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().addAll("difference", Styles.TEXT_BOLD);
            lines.getChildren().add(l);
        }
        ScrollPane list = new ScrollPane(lines);
        list.setFitToWidth(true);
        list.setPrefViewportHeight(Math.min(220, differences.size() * 44));
        Label intro = new Label("At start the ledger (the sums of the recorded fills) and the broker's account disagree "
                + (differences.size() == 1 ? "in one place" : "in " + differences.size() + " places")
                + ". The fleet is HALTED: nothing trades until you decide.");
        intro.setWrapText(true);
        Label choices = new Label("Keep the fleet halted to look into it (the differences stay on the dashboard), or accept "
                + "the broker's view: its balances become the books' truth and the fleet trades on.");
        choices.setWrapText(true);
        choices.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(10, intro, list, choices);
        content.setPadding(new Insets(4));
        content.setPrefWidth(640);
        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Reconciliation");
        dialog.setHeaderText("The books and the broker disagree: the fleet is HALTED");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(KEEP_HALTED, ACCEPT);
        Forms.style(dialog);
        Button accept = (Button) dialog.getDialogPane().lookupButton(ACCEPT);
        accept.getStyleClass().add(Styles.DANGER);
        accept.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(KEEP_HALTED)).setDefaultButton(true);
        accept.setOnAction(e -> engine.acceptBrokerView());
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public Button acceptButton() { return (Button) dialog.getDialogPane().lookupButton(ACCEPT); }
    public Button keepButton() { return (Button) dialog.getDialogPane().lookupButton(KEEP_HALTED); }
}
