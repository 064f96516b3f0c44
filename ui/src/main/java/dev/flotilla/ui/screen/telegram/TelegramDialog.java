package dev.flotilla.ui.screen.telegram;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.TelegramApi.Kind;
import dev.flotilla.ui.screen.dialog.Forms;
import dev.flotilla.ui.screen.telegram.TelegramModel.State;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
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
import javafx.stage.Modality;
import javafx.stage.Window;

/** File > Telegram…: the bot's token (masked, kept by the keychain), its chats, which events it tells, a test message. */
public final class TelegramDialog {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType FORGET = new ButtonType("Forget token", ButtonBar.ButtonData.LEFT);

    private final TelegramModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final PasswordField token = new PasswordField();
    private final TextField chats = new TextField();
    private final Map<Kind, CheckBox> kinds = new EnumMap<>(Kind.class);
    private final Button test = new Button("Send test message");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label verdict = new Label();
    private final Label status = new Label();

    public TelegramDialog(TelegramModel model, Window owner) {
        this.model = model;
        GridPane g = Forms.grid(70, 460, 12);

        token.setId("telegram-token");
        token.setPromptText("the token @BotFather gave the bot (leave empty to keep the kept one)");
        token.textProperty().bindBidirectional(model.token());
        Forms.row(g, 0, "Token", new VBox(2, token, Forms.hint("Masked here, kept only by the OS keychain (or "
                + "FLOTILLA_TELEGRAM_TOKEN on a headless server), never in Flotilla's data folder.")));

        chats.setId("telegram-chats");
        chats.setPromptText("e.g. 123456789, -1001234567890");
        chats.textProperty().bindBidirectional(model.chats());
        Forms.row(g, 1, "Chat ids", new VBox(2, chats, Forms.hint("The chats the bot tells and obeys; messages from any "
                + "other chat are ignored. Send the bot a message, then read your chat id from @userinfobot.")));

        VBox boxes = new VBox(6);
        for (Kind k : Kind.values()) {
            CheckBox c = new CheckBox(k.label());
            c.setId("telegram-kind-" + k.name());
            c.selectedProperty().bindBidirectional(model.kind(k));
            kinds.put(k, c);
            boxes.getChildren().add(c);
        }
        Forms.row(g, 2, "Notify", boxes);

        test.setId("telegram-test");
        test.setMinWidth(Button.USE_PREF_SIZE);
        test.setOnAction(e -> model.sendTest());
        progress.setPrefSize(22, 22);
        progress.setMinSize(22, 22);
        progress.visibleProperty().bind(model.state().isEqualTo(State.BUSY));
        progress.managedProperty().bind(progress.visibleProperty());
        verdict.setId("telegram-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Label.USE_PREF_SIZE);
        verdict.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.textProperty().bind(model.verdict());
        model.state().addListener((o, a, b) -> styleVerdict(b));
        HBox testRow = new HBox(10, test, progress, verdict);
        testRow.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, 3, "Check", testRow);

        status.setId("telegram-status");
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.textProperty().bind(model.status());
        Forms.row(g, 4, "Status", status);

        for (Node n : new Node[]{token, chats, test, boxes}) {
            n.disableProperty().bind(model.state().isEqualTo(State.BUSY).or(
                    javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.available())));
        }

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Telegram");
        dialog.setHeaderText("Telegram bot\nFills, breakers, errors and a daily summary in a chat, and commands such as "
                + "/status, /stop ID and /halt from it. Create a bot with @BotFather and paste its token here.");
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().setPrefWidth(600);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        for (var text : java.util.List.of(model.verdict(), model.status())) {
            text.addListener((o, x, y) -> Platform.runLater(() -> Forms.fit(dialog)));
        }
        dialog.setOnShown(e -> Forms.fit(dialog));
        dialog.getDialogPane().getButtonTypes().setAll(FORGET, SAVE, ButtonType.CLOSE);
        Forms.style(dialog);
        Button save = button(SAVE);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.state().isEqualTo(State.BUSY));
        stayOpen(save, model::save);
        Button forget = button(FORGET);
        forget.disableProperty().bind(model.state().isEqualTo(State.BUSY));
        stayOpen(forget, model::forget);
        if (!model.available()) {
            save.setVisible(false);
            forget.setVisible(false);
        }
    }

    private static void stayOpen(Button b, Runnable action) {
        b.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            action.run();
        });
    }

    private void styleVerdict(State s) {
        verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_BOLD);
        switch (s) {
            case GOOD -> verdict.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
            case FAILED -> verdict.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            default -> { }
        }
    }

    public Button button(ButtonType type) {
        return (Button) dialog.getDialogPane().lookupButton(type);
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public TelegramModel model() { return model; }
    public PasswordField tokenField() { return token; }
    public TextField chatsField() { return chats; }
    public CheckBox kindBox(Kind k) { return kinds.get(k); }
    public Button testButton() { return test; }
    public Label verdict() { return verdict; }
    public Label status() { return status; }
}
