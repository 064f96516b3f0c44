package dev.flotilla.ui.screen.risk;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The kill switch: halt, or halt and flatten, confirmed by a sentence naming what will happen; and its release. */
public final class KillSwitchDialog {

    private Dialog<ButtonType> dialog;
    private final RadioButton halt = new RadioButton("Halt");
    private final RadioButton flatten = new RadioButton("Halt and flatten");
    private final Label confirmation = new Label();
    private final javafx.scene.control.TextField liveWord = new javafx.scene.control.TextField();

    private KillSwitchDialog() {
    }

    /** Turning the switch on. */
    public static KillSwitchDialog on(KillSwitchModel model, RiskApi risk, Window owner) {
        KillSwitchDialog k = new KillSwitchDialog();
        ToggleGroup g = new ToggleGroup();
        k.halt.setToggleGroup(g);
        k.flatten.setToggleGroup(g);
        (model.flatten() ? k.flatten : k.halt).setSelected(true);
        g.selectedToggleProperty().addListener((o, a, b) ->
                model.choice().set(b == k.flatten ? KillSwitchModel.Choice.FLATTEN : KillSwitchModel.Choice.HALT));
        k.confirmation.textProperty().bind(model.confirmation());
        VBox content = new VBox(8, k.halt, Forms.hint("Stop sending orders; positions stay as they are."),
                k.flatten, Forms.hint("Sell every open position at market first, then stop."), k.confirmation);
        Dialog<ButtonType> d = build(owner, "Kill switch", "Halt the whole fleet", content);
        Forms.ok(d).textProperty().bind(model.okText());
        Forms.onOk(d, () -> {
            risk.killSwitchOn(model.flatten());
            return CompletableFuture.completedFuture(null);
        }, e -> { });
        return k.with(d);
    }

    /** Turning the switch off. */
    public static KillSwitchDialog release(FleetSnapshot s, RiskApi risk, Window owner) {
        KillSwitchDialog k = new KillSwitchDialog();
        k.confirmation.setText(KillSwitchModel.releaseText(s));
        k.confirmation.getStyleClass().add("release");
        VBox content = new VBox(8, k.confirmation);
        javafx.beans.property.BooleanProperty armed = new SimpleBooleanProperty(true);
        if (s.mode().startsWith("LIVE")) {
            // real money: the operator types the word, so no stray Enter or click sends orders
            k.liveWord.setPromptText("LIVE");
            k.liveWord.setId("live-confirmation");
            armed.bind(k.liveWord.textProperty().isEqualTo("LIVE"));
            content.getChildren().addAll(Forms.hint("This fleet trades with real money on Binance. Type LIVE to release it."),
                    k.liveWord);
        }
        Dialog<ButtonType> d = build(owner, "Kill switch", "Release the kill switch", content, armed);
        Forms.ok(d).setText("Release and trade");
        Forms.onOk(d, () -> {
            risk.killSwitchOff();
            return CompletableFuture.completedFuture(null);
        }, e -> { });
        return k.with(d);
    }

    private static Dialog<ButtonType> build(Window owner, String title, String header, VBox content) {
        return build(owner, title, header, content, new SimpleBooleanProperty(true));
    }

    private static Dialog<ButtonType> build(Window owner, String title, String header, VBox content,
                                            javafx.beans.value.ObservableBooleanValue valid) {
        content.setPadding(new Insets(4));
        content.setPrefWidth(480);
        Dialog<ButtonType> d = Forms.dialog(owner, title, header, content, valid);
        Forms.ok(d).getStyleClass().add(Styles.DANGER);
        // the label changes with the choice ("Halt the fleet", "Halt and flatten"): room for the longest
        javafx.scene.control.ButtonBar.setButtonUniformSize(Forms.ok(d), false);
        Forms.ok(d).setMinWidth(170);
        Forms.ok(d).setPrefWidth(170);
        return d;
    }

    private KillSwitchDialog with(Dialog<ButtonType> d) {
        confirmation.setWrapText(true);
        confirmation.setMaxWidth(470);
        confirmation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        confirmation.getStyleClass().addAll(Styles.TEXT_BOLD, "kill-confirmation");
        dialog = d;
        return this;
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public RadioButton haltButton() { return halt; }
    public RadioButton flattenButton() { return flatten; }
    public Label confirmation() { return confirmation; }
    /** Where a live fleet's release asks for the word LIVE. */
    public javafx.scene.control.TextField liveWord() { return liveWord; }
}
