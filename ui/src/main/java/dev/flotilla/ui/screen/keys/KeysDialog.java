package dev.flotilla.ui.screen.keys;

import atlantafx.base.theme.Styles;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.keys.KeysModel.State;
import java.io.File;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Binance API keys: entered, tested against the exchange, saved to the OS keychain or forgotten. The secret is a
 * masked one-line field: a pasted PEM key keeps working (the model gives it back its line breaks), and "Load key
 * file…" reads an Ed25519 key's file without it passing through the clipboard.
 */
public final class KeysDialog {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType FORGET = new ButtonType("Forget keys", ButtonBar.ButtonData.LEFT);

    private final KeysModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField apiKey = new TextField();
    private final PasswordField secret = new PasswordField();
    private final Button loadFile = new Button("Load key file…");
    private final Button test = new Button("Test");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label verdict = new Label();
    private final Label details = new Label();
    private final Label keptIn = new Label();

    public KeysDialog(KeysModel model, Window owner) {
        this.model = model;
        GridPane g = Forms.grid(70, 480, 12);

        apiKey.setId("keys-api-key");
        apiKey.setPromptText("the API key, as Binance's API Management shows it");
        apiKey.textProperty().bindBidirectional(model.apiKey());
        Forms.row(g, 0, "API key", apiKey);

        secret.setId("keys-secret");
        secret.setPromptText("the secret key, or an Ed25519 private key (PEM)");
        secret.textProperty().bindBidirectional(model.secret());
        HBox.setHgrow(secret, Priority.ALWAYS);
        loadFile.setOnAction(e -> chooseKeyFile());
        loadFile.setMinWidth(Button.USE_PREF_SIZE);
        HBox secretRow = new HBox(8, secret, loadFile);
        Label source = new Label();
        source.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        source.textProperty().bind(model.secretSource());
        source.visibleProperty().bind(model.secretSource().isNotEmpty());
        source.managedProperty().bind(source.visibleProperty());
        Forms.row(g, 1, "Secret", new VBox(2, secretRow, source, Forms.hint("For a \u201csystem generated\u201d key, paste its "
                + "secret. For a self-generated Ed25519 key, load its private key file (or paste the PEM). The secret "
                + "is masked here, kept only by the keychain and never written to Flotilla's data folder.")));

        test.setId("keys-test");
        test.disableProperty().bind(Bindings.not(model.canTest()));
        test.setOnAction(e -> model.test());
        test.setMinWidth(Button.USE_PREF_SIZE);
        progress.setPrefSize(22, 22);
        progress.setMinSize(22, 22);
        progress.visibleProperty().bind(model.state().isEqualTo(State.BUSY));
        progress.managedProperty().bind(progress.visibleProperty());
        verdict.setId("keys-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Label.USE_PREF_SIZE);
        verdict.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.textProperty().bind(model.verdict());
        model.state().addListener((o, a, b) -> styleVerdict(b));
        HBox testRow = new HBox(10, test, progress, verdict);
        testRow.setAlignment(Pos.CENTER_LEFT);
        details.setId("keys-details");
        details.setWrapText(true);
        details.setMinHeight(Label.USE_PREF_SIZE);
        details.textProperty().bind(model.details());
        details.visibleProperty().bind(model.details().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        Forms.row(g, 2, "Check", new VBox(6, testRow, details));

        keptIn.setId("keys-kept-in");
        keptIn.setWrapText(true);
        keptIn.setMinHeight(Label.USE_PREF_SIZE);
        keptIn.textProperty().bind(model.keptIn());
        Forms.row(g, 3, "Kept", keptIn);

        for (Node n : new Node[]{apiKey, secret, loadFile}) {
            n.disableProperty().bind(model.state().isEqualTo(State.BUSY).or(Bindings.createBooleanBinding(() -> !model.available())));
        }

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Binance keys");
        dialog.setHeaderText("Binance API keys for live trading\nFlotilla keeps only keys that can trade and cannot "
                + "withdraw: create them in Binance's API Management with \u201cEnable Spot & Margin Trading\u201d on, "
                + "\u201cEnable Withdrawals\u201d off, and an IP restriction if you can.");
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().setPrefWidth(600);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        // a verdict, its details or the kept keys' line can take more lines than before: the window follows
        for (var text : java.util.List.of(model.verdict(), model.details(), model.keptIn(), model.secretSource())) {
            text.addListener((o, x, y) -> Platform.runLater(() -> Forms.fit(dialog)));
        }
        dialog.setOnShown(e -> Forms.fit(dialog));
        dialog.getDialogPane().getButtonTypes().setAll(FORGET, SAVE, ButtonType.CLOSE);
        Forms.style(dialog);
        Button save = button(SAVE);
        save.disableProperty().bind(Bindings.not(model.canSave()));
        save.setDefaultButton(true);
        stayOpen(save, model::save);
        Button forget = button(FORGET);
        forget.disableProperty().bind(Bindings.not(model.canForget()));
        stayOpen(forget, model::forget);
        if (!model.available()) {
            save.setVisible(false);
            forget.setVisible(false);
        }
        styleVerdict(model.state().get());
    }

    /** Save and Forget work in the dialog and leave it open, so their outcome can be read there. */
    private static void stayOpen(Button b, Runnable action) {
        b.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            action.run();
        });
    }

    private void styleVerdict(State s) {
        verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_BOLD);
        switch (s) {
            case GOOD, SAVED -> verdict.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
            case REFUSED, FAILED -> verdict.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            default -> { }
        }
    }

    private void chooseKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a private key file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM keys", "*.pem", "*.key", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (f != null) model.loadKeyFile(f.toPath());
    }

    public Button button(ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public KeysModel model() { return model; }
    public TextField apiKeyField() { return apiKey; }
    public PasswordField secretField() { return secret; }
    public Button testButton() { return test; }
    public ProgressIndicator progress() { return progress; }
    public Label verdict() { return verdict; }
    public Label details() { return details; }
    public Label keptIn() { return keptIn; }
}
