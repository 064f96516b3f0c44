package dev.flotilla.ui.screen.settings;

import atlantafx.base.theme.Styles;
import dev.flotilla.ui.prefs.Prefs.CloseAction;
import dev.flotilla.ui.prefs.Prefs.Theme;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Market, speed, theme, notifications and what closing the window does. */
public final class SettingsDialog {

    private final Dialog<ButtonType> dialog;
    private final TextField speed = new TextField();
    private final RadioButton binance = new RadioButton("Binance (public market data, paper trading)");

    public SettingsDialog(SettingsModel model, Window owner) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(12);
        g.getColumnConstraints().addAll(new ColumnConstraints(120), new ColumnConstraints(420));
        g.setPadding(new Insets(4));

        ToggleGroup market = new ToggleGroup();
        RadioButton sandbox = new RadioButton("Sandbox (built-in simulated market, no network)");
        sandbox.setToggleGroup(market);
        binance.setToggleGroup(market);
        boolean onBinance = model.market() == SettingsModel.Market.BINANCE;
        (onBinance ? binance : sandbox).setSelected(true);
        (onBinance ? sandbox : binance).setDisable(true);
        row(g, 0, "Market", new VBox(6, sandbox, binance, Forms.hint(
                "The market is chosen when Flotilla starts: --market sandbox or --market binance on the command line "
                        + "(see the README). Choosing it here comes in a later version.")));

        speed.textProperty().bindBidirectional(model.speed());
        speed.setPrefWidth(100);
        speed.setDisable(!model.speedAdjustable());
        HBox speedRow = new HBox(8, speed, new Label("engine seconds per wall second"));
        speedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row(g, 1, "Speed", Forms.field(speedRow, Forms.hint(model.speedAdjustable()
                ? "60: a 15m candle closes every 15 s; 1 is real time; max is as fast as the machine allows. "
                + "Applies at once, for this run (start with --speed N to choose it at launch)."
                : "this market runs in real time"), Forms.message(model.speedMessage())));

        ToggleGroup theme = new ToggleGroup();
        HBox themes = new HBox(16);
        for (Theme t : Theme.values()) {
            RadioButton r = new RadioButton(switch (t) {
                case SYSTEM -> "Follow the system";
                case DARK -> "Dark";
                case LIGHT -> "Light";
            });
            r.setToggleGroup(theme);
            r.setUserData(t);
            r.setSelected(model.theme().get() == t);
            themes.getChildren().add(r);
        }
        theme.selectedToggleProperty().addListener((o, a, b) -> model.theme().set((Theme) b.getUserData()));
        row(g, 2, "Theme", themes);

        CheckBox fills = new CheckBox("Every fill");
        fills.selectedProperty().bindBidirectional(model.notifyFills());
        CheckBox alerts = new CheckBox("Bot errors, circuit breakers and reconciliation problems");
        alerts.selectedProperty().bindBidirectional(model.notifyAlerts());
        row(g, 3, "Notify", new VBox(6, fills, alerts, Forms.hint(model.trayAvailable()
                ? "shown by the system tray icon" : "this desktop has no system tray: notifications are not shown")));

        ToggleGroup close = new ToggleGroup();
        RadioButton quit = new RadioButton("Quit Flotilla (the engine stops cleanly)");
        RadioButton tray = new RadioButton("Keep the fleet trading in the system tray");
        quit.setToggleGroup(close);
        tray.setToggleGroup(close);
        tray.setDisable(!model.trayAvailable());
        (model.close().get() == CloseAction.TRAY ? tray : quit).setSelected(true);
        close.selectedToggleProperty().addListener((o, a, b) -> model.close().set(b == tray ? CloseAction.TRAY : CloseAction.QUIT));
        row(g, 4, "Closing the window", new VBox(6, quit, tray));

        dialog = Forms.dialog(owner, "Settings", "Settings of this console", g, model.valid());
        Forms.onOk(dialog, () -> {
            model.apply();
            return CompletableFuture.completedFuture(null);
        }, e -> { });
    }

    private static void row(GridPane g, int row, String label, Node node) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setWrapText(true);
        GridPane.setValignment(l, VPos.TOP);
        g.add(l, 0, row);
        g.add(node, 1, row);
    }

    public Dialog<ButtonType> dialog() { return dialog; }
    public TextField speedField() { return speed; }
    public RadioButton binanceButton() { return binance; }
}
