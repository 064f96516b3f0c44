package dev.flotilla.ui.screen.startstop;

import atlantafx.base.theme.Styles;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Start or stop the selected bots or all of them, saying which bots that is before OK. */
public final class StartStopDialog {

    private final Dialog<ButtonType> dialog;
    private final RadioButton start = new RadioButton("Start");
    private final RadioButton stop = new RadioButton("Stop");
    private final RadioButton selected = new RadioButton();
    private final RadioButton all = new RadioButton();

    /** @param apply starts or stops the given bots (on the engine) */
    public StartStopDialog(StartStopModel model, Window owner, Consumer<List<String>> apply) {
        ToggleGroup what = new ToggleGroup();
        start.setToggleGroup(what);
        stop.setToggleGroup(what);
        (model.action().get() == StartStopModel.Action.START ? start : stop).setSelected(true);
        what.selectedToggleProperty().addListener((o, a, b) ->
                model.action().set(b == start ? StartStopModel.Action.START : StartStopModel.Action.STOP));
        ToggleGroup which = new ToggleGroup();
        selected.setToggleGroup(which);
        all.setToggleGroup(which);
        int n = model.selectedCount();
        selected.setText(n == 0 ? "The selected bots (none selected)" : n == 1 ? "The selected bot" : "The " + n + " selected bots");
        all.setText("All " + model.fleetSize() + " bots of the fleet");
        (model.scope().get() == StartStopModel.Scope.ALL ? all : selected).setSelected(true);
        which.selectedToggleProperty().addListener((o, a, b) ->
                model.scope().set(b == all ? StartStopModel.Scope.ALL : StartStopModel.Scope.SELECTED));
        Label summary = new Label();
        summary.textProperty().bind(model.summary());
        summary.setWrapText(true);
        summary.setMaxWidth(440);
        Label actionCaption = caption("Action");
        Label scopeCaption = caption("Bots");
        VBox content = new VBox(8, actionCaption, new HBox(16, start, stop), scopeCaption, selected, all, summary,
                Forms.message(model.message()));
        content.setPadding(new Insets(4));
        content.setPrefWidth(460);
        dialog = Forms.dialog(owner, "Start or stop bots", "Start or stop one bot, the selected ones, or the whole fleet",
                content, model.valid());
        Forms.ok(dialog).textProperty().bind(model.okText());
        Forms.onOk(dialog, () -> {
            apply.accept(model.targets());
            return CompletableFuture.completedFuture(null);
        }, e -> { });
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public RadioButton startButton() { return start; }
    public RadioButton stopButton() { return stop; }
    public RadioButton selectedButton() { return selected; }
    public RadioButton allButton() { return all; }
}
