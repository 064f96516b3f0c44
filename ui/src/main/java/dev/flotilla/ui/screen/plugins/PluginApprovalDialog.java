package dev.flotilla.ui.screen.plugins;

import atlantafx.base.theme.Styles;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.plugins.PluginApprovalModel.State;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * "Load plug-in?": a jar found in the plug-in folder, with its SHA-256 in a field that can be selected and copied,
 * so it can be compared with the one its author published. "Load plug-in" approves that SHA-256 and loads the jar;
 * the dialog stays open with the engine's reason when it cannot. "Don't load" leaves it unloaded; closing the
 * window decides later (the Plug-ins dialog lists the jar).
 */
public final class PluginApprovalDialog {

    public static final ButtonType LOAD = new ButtonType("Load plug-in", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType DONT_LOAD = new ButtonType("Don't load", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final PluginApprovalModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField sha = new TextField();
    private final Label message = new Label();

    public PluginApprovalDialog(PluginApprovalModel model, Window owner) {
        this.model = model;
        GridPane g = Forms.grid(70, 560, 10);

        Label file = new Label(model.file());
        file.setId("plugin-file");
        file.getStyleClass().addAll(Styles.TEXT_BOLD);
        Forms.row(g, 0, "File", file);

        sha.setId("plugin-sha256");
        sha.setText(model.sha256());
        sha.setEditable(false);
        sha.getStyleClass().add("sha256");
        sha.setPrefColumnCount(64);
        Forms.row(g, 1, "SHA-256", new VBox(2, sha, Forms.hint("Compare it with the SHA-256 the plug-in's author published; "
                + "load the jar only if they are the same.")));

        Label folder = new Label(model.folder().isEmpty() ? "(no plug-in folder)" : model.folder());
        folder.setId("plugin-folder");
        folder.setWrapText(true);
        folder.setMinHeight(Region.USE_PREF_SIZE);
        Forms.row(g, 2, "Folder", folder);

        Label warning = new Label("A plug-in runs inside Flotilla with the app's rights: it can read and change what "
                + "Flotilla can, your data and keys included. Load only a jar you trust. Flotilla never fetches plug-ins "
                + "from the network: this jar was put in the folder above.");
        warning.setId("plugin-warning");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().add(Styles.WARNING);
        g.add(warning, 0, 3, 2, 1);

        message.setId("plugin-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message());
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        g.add(message, 0, 4, 2, 1);

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Load plug-in?");
        dialog.setHeaderText("Load the strategy plug-in " + model.file() + "?\nIt is new, or changed since it was last "
                + "approved: Flotilla loads a jar only once you have approved its SHA-256.");
        dialog.getDialogPane().setContent(g);
        // wide enough for the whole SHA-256 on one line (the console's dialogs are narrower by default)
        dialog.getDialogPane().setStyle("-fx-min-width: 720px;");
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().setAll(DONT_LOAD, LOAD);
        Forms.style(dialog);

        Button load = button(LOAD);
        Button dont = button(DONT_LOAD);
        for (Button b : new Button[]{load, dont}) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canAnswer(), model.state()));
        }
        load.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();  // the dialog stays open until the engine has answered
            model.approve();
        });
        dont.addEventFilter(ActionEvent.ACTION, e -> model.refuse());
        model.state().addListener((o, a, b) -> {
            style(b);
            if (b == State.LOADED) close();
            Platform.runLater(() -> Forms.fit(dialog));
        });
        style(model.state().get());
        dialog.setOnShown(e -> {
            sha.requestFocus();
            sha.selectAll();
        });
    }

    private void style(State s) {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_BOLD);
        if (s == State.FAILED) message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        if (s == State.LOADED) message.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
    }

    /** Closes the dialog without answering (the jar was answered elsewhere, or has changed). */
    public void close() {
        if (dialog.isShowing()) {
            dialog.setResult(ButtonType.CLOSE);
            dialog.close();
        }
    }

    public Button button(ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public PluginApprovalModel model() { return model; }
    public TextField shaField() { return sha; }
    public Label message() { return message; }
}
