package dev.flotilla.ui.screen.ai;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.AiStatus;
import dev.flotilla.engine.model.AiAnalysis;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.screen.Columns;
import dev.flotilla.ui.screen.dialog.Forms;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The AI level's settings: the local Ollama server and model, the timeout of one candle close, on or off as a
 * whole and per bot, the server's status (greyed while it cannot be asked) and the latest analyses.
 */
public final class AiLevelDialog {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final AiLevelModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField url = new TextField();
    private final TextField modelName = new TextField();
    private final TextField timeout = new TextField();
    private final CheckBox enabled = new CheckBox("Ask the model about each entry of the bots ticked below");
    private final Label status = new Label();
    private final Button check = new Button("Check now");
    private final FlowPane bots = new FlowPane(14, 6);
    private final TableView<AiAnalysis> recent = new TableView<>();

    public AiLevelDialog(AiLevelModel model, Window owner) {
        this.model = model;
        GridPane g = Forms.grid(80, 560, 10);

        url.setId("ai-url");
        url.textProperty().bindBidirectional(model.url());
        Forms.row(g, 0, "Server", new VBox(2, url, Forms.hint("An Ollama server on this machine or your network, "
                + "e.g. http://localhost:11434 (install Ollama, then: ollama pull llama3.2).")));
        modelName.setId("ai-model");
        modelName.textProperty().bindBidirectional(model.model());
        Forms.row(g, 1, "Model", modelName);
        timeout.setId("ai-timeout");
        timeout.textProperty().bindBidirectional(model.timeout());
        timeout.setMaxWidth(120);
        Forms.row(g, 2, "Timeout", new VBox(2, new HBox(8, timeout, new Label("ms for all of one close's questions")),
                Forms.hint("A slow answer, or one that is not approve, shrink or veto, counts as approve.")));
        enabled.setId("ai-enabled");
        enabled.selectedProperty().bindBidirectional(model.enabled());
        Forms.row(g, 3, "AI level", enabled);

        status.setId("ai-status");
        check.setId("ai-check");
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.checking());
        model.status().addListener((o, a, s) -> showStatus(s));
        showStatus(model.status().get());
        HBox statusRow = new HBox(10, status, check);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Forms.row(g, 4, "Status", statusRow);

        bots.setId("ai-bots");
        model.bots().addListener((javafx.collections.ListChangeListener<AiLevelModel.BotToggle>) c -> showBots());
        showBots();
        ScrollPane scroll = new ScrollPane(bots);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(110);
        Button allOn = new Button("All");
        allOn.setOnAction(e -> model.all(true));
        Button allOff = new Button("None");
        allOff.setOnAction(e -> model.all(false));
        allOn.getStyleClass().add(Styles.SMALL);
        allOff.getStyleClass().add(Styles.SMALL);
        Forms.row(g, 5, "Bots", new VBox(4, new HBox(6, allOn, allOff), scroll));

        recent.setId("ai-recent");
        recent.setItems(model.recent());
        recent.setPrefHeight(170);
        recent.setPlaceholder(new Label("No entry has been put to the model yet."));
        recent.getColumns().setAll(java.util.List.of(
                Columns.text("Time", a -> Fmt.shortTime(a.at()), 90),
                Columns.text("Bot", AiAnalysis::botId, 105),
                Columns.text("Decision", a -> a.decision() == AiAnalysis.Decision.SHRINK
                        ? "× " + a.factor().stripTrailingZeros().toPlainString() : a.decision().name(), 72),
                Columns.text("Reason", a -> a.reason() == null ? "" : a.reason(), 230),
                Columns.text("Outcome", a -> a.outcome().label(), 85),
                Columns.text("ms", a -> String.valueOf(a.latencyMs()), 45)));
        Forms.row(g, 6, "Latest", recent);
        Label message = Forms.message(model.message());
        message.setId("ai-message");
        g.add(message, 1, 7);

        if (owner != null) dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("AI level");
        dialog.setHeaderText("AI level (a local model)\nAfter the risk limits approved an entry, a local model may keep it, "
                + "shrink it or veto it, with a reason. Optional: without it Flotilla trades exactly the same.");
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().setPrefWidth(800);
        dialog.getDialogPane().setMinWidth(800);
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CLOSE);
        Forms.style(dialog);
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setDefaultButton(true);
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.save()) e.consume();
        });
    }

    private void showStatus(AiStatus s) {
        status.setText(s.label());
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.TEXT_MUTED, "ai-unavailable");
        if (s == AiStatus.AVAILABLE) status.getStyleClass().add(Styles.SUCCESS);
        else status.getStyleClass().addAll(Styles.TEXT_MUTED, "ai-unavailable");
    }

    private void showBots() {
        bots.getChildren().setAll(model.bots().stream().map(t -> {
            CheckBox c = new CheckBox(t.botId());
            c.setId("ai-bot-" + t.botId());
            c.selectedProperty().bindBidirectional(t.on());
            c.disableProperty().bind(model.enabled().not());
            return c;
        }).toList());
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public Label status() { return status; }
    public Button checkButton() { return check; }
    public FlowPane botBoxes() { return bots; }
    public TableView<AiAnalysis> recentTable() { return recent; }
}
