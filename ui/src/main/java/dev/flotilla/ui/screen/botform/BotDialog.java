package dev.flotilla.ui.screen.botform;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.StrategyInfo;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The new-bot and edit-bot dialog: strategy, symbol, timeframe, the strategy's parameters with their
 * ranges, and capital. Each field shows the engine's message under it; OK stays disabled until there is none.
 */
public final class BotDialog {

    private final BotFormModel model;
    private final Dialog<ButtonType> dialog;
    private final TextField id = new TextField();
    private final ComboBox<String> strategy = new ComboBox<>();
    private final ComboBox<String> symbol = new ComboBox<>();
    private final ComboBox<String> timeframe = new ComboBox<>();
    private final TextField capital = new TextField();
    private final CheckBox start = new CheckBox("Start the bot at once (it trades from its next candle close)");
    private final VBox paramBox = new VBox(8);
    private final Map<String, TextField> paramFields = new LinkedHashMap<>();
    private final javafx.beans.property.StringProperty failureText = new javafx.beans.property.SimpleStringProperty("");
    private final Label failure = Forms.message(failureText);

    public BotDialog(BotFormModel model, Window owner) {
        this.model = model;
        id.textProperty().bindBidirectional(model.id());
        id.setDisable(!model.isNew());
        id.setPromptText("e.g. ema-btc-15m-2");
        strategy.setItems(FXCollections.observableArrayList(model.catalog().strategies().stream().map(StrategyInfo::id).toList()));
        strategy.setConverter(new StringConverter<>() {
            public String toString(String s) {
                return model.catalog().strategies().stream().filter(i -> i.id().equals(s)).findFirst()
                        .map(i -> i.displayName() + "  (" + i.id() + ")").orElse(s == null ? "" : s);
            }
            public String fromString(String s) { return s; }
        });
        strategy.valueProperty().bindBidirectional(model.strategy());
        symbol.setItems(FXCollections.observableArrayList(model.catalog().symbols()));
        symbol.valueProperty().bindBidirectional(model.symbol());
        timeframe.setItems(FXCollections.observableArrayList(model.catalog().timeframes()));
        timeframe.valueProperty().bindBidirectional(model.timeframe());
        symbol.setDisable(model.moveLocked());
        timeframe.setDisable(model.moveLocked());
        capital.textProperty().bindBidirectional(model.capital());
        capital.setDisable(model.capitalLocked());
        start.selectedProperty().bindBidirectional(model.start());
        strategy.setPrefWidth(440);
        symbol.setPrefWidth(150);
        timeframe.setPrefWidth(90);
        capital.setPrefWidth(150);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(440));
        int row = 0;
        row(form, row++, "Bot id", Forms.field(id, Forms.hint(model.isNew() ? "1 to 24 characters: a-z, 0-9 and '-'"
                : "a bot's id never changes"), Forms.message(model.message(BotCheck.ID))));
        row(form, row++, "Strategy", Forms.field(strategy, null, Forms.message(model.message(BotCheck.STRATEGY))));
        HBox where = new HBox(10, symbol, timeframe);
        Label moveNote = Forms.hint(model.moveLocked() ? "the bot holds a position: symbol and timeframe stay until it is flat"
                : "the symbol and the candle length it trades");
        VBox whereBox = new VBox(2, where, moveNote, Forms.message(model.message(BotCheck.SYMBOL)),
                Forms.message(model.message(BotCheck.TIMEFRAME)));
        row(form, row++, "Market", whereBox);
        row(form, row++, "Parameters", new VBox(4, paramBox, Forms.message(model.message(BotCheck.PARAMS))));
        HBox money = new HBox(8, capital, new Label("USDT"));
        money.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        String capitalHint = model.capitalLocked() ? "fixed once the bot has traded, so its PnL stays honest"
                : "paper capital, more than 0 and at most " + dev.flotilla.ui.Fmt.qty(model.catalog().maxCapital()) + " USDT";
        row(form, row++, "Capital", Forms.field(money, Forms.hint(capitalHint), Forms.message(model.message(BotCheck.CAPITAL))));
        if (model.isNew()) form.add(start, 1, row++);
        form.add(failure, 1, row);
        form.setPadding(new Insets(4, 4, 0, 4));
        buildParams();
        model.params().addListener((javafx.collections.ListChangeListener<ParamField>) c -> buildParams());

        String title = model.isNew() ? "New bot" : "Edit bot " + model.editing();
        String header = model.isNew() ? "A new bot with its own paper capital and books"
                : "Change " + model.editing() + " while it runs: its books, state and position stay,\n"
                + "and its next candle close is decided with the changes";
        dialog = Forms.dialog(owner, title, header, form, model.valid());
        Forms.ok(dialog).setText(model.isNew() ? "Create bot" : "Save changes");
        Forms.onOk(dialog, model::submit, this::refused);
    }

    private void refused(Throwable e) {
        failureText.set(e instanceof BotRejectedException r ? String.join("; ", r.check().problems().values())
                : "the engine refused: " + e.getMessage());
        model.check();
    }

    private static void row(GridPane g, int row, String label, javafx.scene.Node node) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane.setHalignment(l, HPos.LEFT);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(6, 0, 0, 0));
        g.add(l, 0, row);
        g.add(node, 1, row);
    }

    private void buildParams() {
        paramBox.getChildren().clear();
        paramFields.clear();
        for (ParamField f : model.params()) {
            TextField t = new TextField();
            t.textProperty().bindBidirectional(f.text());
            t.setPrefWidth(80);
            t.setMinWidth(80);
            t.setPromptText(ParamField.num(f.spec().defaultValue()));
            paramFields.put(f.spec().name(), t);
            Label name = new Label(f.spec().name());
            name.setMinWidth(110);
            name.setPadding(new Insets(6, 0, 0, 0));
            Label hint = Forms.hint(f.hint());
            hint.setMaxWidth(240);
            HBox line = new HBox(10, name, t, hint);
            Label message = Forms.message(f.message());
            message.setPadding(new Insets(0, 0, 0, 120));
            paramBox.getChildren().add(new VBox(2, line, message));
        }
        if (dialog != null && dialog.isShowing()) dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public BotFormModel model() {
        return model;
    }

    public TextField idField() { return id; }
    public TextField capitalField() { return capital; }
    public ComboBox<String> strategyBox() { return strategy; }
    public ComboBox<String> symbolBox() { return symbol; }
    public ComboBox<String> timeframeBox() { return timeframe; }

    /** The text field of a strategy parameter. */
    public TextField paramField(String name) {
        return paramFields.get(name);
    }
}
