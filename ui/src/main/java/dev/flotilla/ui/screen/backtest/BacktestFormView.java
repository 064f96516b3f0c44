package dev.flotilla.ui.screen.backtest;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.backtest.BacktestFormModel.BotChoice;
import dev.flotilla.ui.screen.backtest.BacktestFormModel.Mode;
import dev.flotilla.ui.screen.backtest.BacktestFormModel.RangeField;
import dev.flotilla.ui.screen.dialog.Forms;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The form on the left of the Backtests screen: backtest or sweep, its fields with the engine's messages under them,
 * Run, and while a job runs its progress, status and Cancel.
 */
public final class BacktestFormView extends VBox {

    private final BacktestFormModel form;
    private final BacktestsModel model;
    private final BacktestApi api;
    private final Loader loader;
    private final ToggleButton backtest = new ToggleButton("Backtest");
    private final ToggleButton sweep = new ToggleButton("Sweep");
    private final ListView<String> botList = new ListView<>();
    private final ComboBox<String> sweepBot = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField fee = new TextField();
    private final TextField slippage = new TextField();
    private final TextField seed = new TextField();
    private final TextField workers = new TextField();
    private final ComboBox<String> rank = new ComboBox<>();
    private final VBox ranges = new VBox(6);
    private final Map<String, TextField> rangeInputs = new HashMap<>();
    private final Button run = new Button("Run backtest");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar bar = new ProgressBar(0);

    public BacktestFormView(BacktestFormModel form, BacktestsModel model, BacktestApi api, Loader loader) {
        this.form = form;
        this.model = model;
        this.api = api;
        this.loader = loader;
        getStyleClass().add("backtest-form");
        ToggleGroup modes = new ToggleGroup();
        backtest.setToggleGroup(modes);
        sweep.setToggleGroup(modes);
        backtest.getStyleClass().add(Styles.LEFT_PILL);
        sweep.getStyleClass().add(Styles.RIGHT_PILL);
        backtest.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);  // one of the two stays chosen
            else form.mode().set(b == sweep ? Mode.SWEEP : Mode.BACKTEST);
        });
        HBox modeBar = new HBox(backtest, sweep);

        // bots: all, or some picked from the fleet; a sweep takes one
        CheckBox all = new CheckBox("All bots of the fleet");
        all.selectedProperty().bindBidirectional(form.allBots());
        botList.getItems().setAll(form.bots().stream().map(BotChoice::id).toList());
        botList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        botList.setPrefHeight(150);
        botList.getStyleClass().add(Styles.DENSE);
        botList.disableProperty().bind(form.allBots());
        botList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c ->
                form.chosen().setAll(botList.getSelectionModel().getSelectedItems()));
        Label picked = new Label();
        picked.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        picked.textProperty().bind(Bindings.createStringBinding(() -> form.allBots().get()
                ? form.bots().size() + " bots" : form.chosen().size() + " of " + form.bots().size() + " picked (Ctrl+click for more)",
                form.allBots(), form.chosen()));
        VBox botsField = Forms.field(new VBox(4, all, botList, picked), null, Forms.message(form.message("bots")));
        sweepBot.getItems().setAll(form.bots().stream().map(BotChoice::id).toList());
        sweepBot.valueProperty().bindBidirectional(form.sweepBot());
        sweepBot.setMaxWidth(Double.MAX_VALUE);
        VBox sweepBotField = Forms.field(sweepBot, Forms.hint("the bot whose parameters to sweep"), Forms.message(form.message("bots")));

        from.valueProperty().bindBidirectional(form.from());
        to.valueProperty().bindBidirectional(form.to());
        for (DatePicker p : new DatePicker[] {from, to}) {
            p.setPrefWidth(150);
            p.setConverter(new javafx.util.converter.LocalDateStringConverter(
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        }
        javafx.scene.layout.GridPane period = new javafx.scene.layout.GridPane();
        period.setHgap(8);
        period.setVgap(6);
        period.addRow(0, column("From"), from);
        period.addRow(1, column("To"), to);
        VBox periodField = new VBox(2, period, Forms.hint("UTC days, both included"), Forms.message(form.message("from")),
                Forms.message(form.message("to")));

        fee.textProperty().bindBidirectional(form.fee());
        slippage.textProperty().bindBidirectional(form.slippage());
        fee.setPrefColumnCount(5);
        slippage.setPrefColumnCount(5);
        javafx.scene.layout.GridPane costs = new javafx.scene.layout.GridPane();
        costs.setHgap(8);
        costs.setVgap(6);
        costs.addRow(0, column("Fee"), fee, fixed("bps"));
        costs.addRow(1, column("Slippage"), slippage, fixed("bps"));
        VBox costsField = new VBox(2, costs, Forms.hint("10 bps is 0.1%, Binance's taker fee"), Forms.message(form.message("fee")),
                Forms.message(form.message("slippage")));

        ToggleGroup markets = new ToggleGroup();
        RadioButton sandbox = new RadioButton("Sandbox, seed");
        RadioButton stored = new RadioButton("Stored history");
        sandbox.setToggleGroup(markets);
        stored.setToggleGroup(markets);
        sandbox.setSelected(form.sandbox().get());
        stored.setSelected(!form.sandbox().get());
        markets.selectedToggleProperty().addListener((o, a, b) -> form.sandbox().set(b == sandbox));
        seed.textProperty().bindBidirectional(form.seed());
        seed.setPrefColumnCount(5);
        seed.disableProperty().bind(form.sandbox().not());
        HBox sandboxLine = new HBox(8, sandbox, seed);
        sandboxLine.setAlignment(Pos.CENTER_LEFT);
        VBox marketField = new VBox(4, sandboxLine, stored,
                Forms.hint("the sandbox invents its prices from 2024 on; stored history is what was imported or downloaded"),
                Forms.message(form.message("seed")));

        // sweep: one field per parameter of the bot's strategy
        form.ranges().addListener((ListChangeListener<RangeField>) c -> rebuildRanges());
        rebuildRanges();
        rank.getItems().setAll(Metric.RANKS);
        rank.valueProperty().bindBidirectional(form.rank());
        rank.setMinWidth(100);
        workers.textProperty().bindBidirectional(form.workers());
        workers.setPrefColumnCount(3);
        javafx.scene.layout.GridPane rankLine = new javafx.scene.layout.GridPane();
        rankLine.setHgap(8);
        rankLine.setVgap(6);
        rankLine.addRow(0, column("Rank by"), rank);
        rankLine.addRow(1, column("Workers"), workers);
        VBox sweepFields = new VBox(8, section("Bot"), sweepBotField, section("Parameter ranges"),
                Forms.hint("FROM..TO:STEP (5..20:1) or A,B,C; blank keeps the bot's value"), ranges,
                Forms.message(form.message("params")), rankLine, Forms.message(form.message("rank")),
                Forms.message(form.message("workers")));
        VBox backtestFields = new VBox(8, section("Bots"), botsField);
        sweepFields.managedProperty().bind(sweepFields.visibleProperty());
        backtestFields.managedProperty().bind(backtestFields.visibleProperty());
        sweepFields.visibleProperty().bind(form.mode().isEqualTo(Mode.SWEEP));
        backtestFields.visibleProperty().bind(form.mode().isEqualTo(Mode.BACKTEST));
        run.textProperty().bind(Bindings.when(form.mode().isEqualTo(Mode.SWEEP)).then("Run sweep").otherwise("Run backtest"));

        VBox fields = new VBox(10, modeBar, backtestFields, sweepFields, section("Period"), periodField, section("Costs"),
                costsField, section("Market"), marketField, Forms.message(form.message("other")));
        fields.setPadding(new Insets(10, 12, 10, 12));
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(false);
        run.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(run, Priority.ALWAYS);
        run.disableProperty().bind(model.running().or(form.starting()));
        run.setOnAction(e -> run());
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.disableProperty().bind(model.running().not());
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, run, cancel);
        bar.progressProperty().bind(model.progress());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.textProperty().bind(model.status());
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_SMALL);
        Label error = Forms.message(model.error());
        VBox jobBox = new VBox(6, buttons, bar, status, error);
        jobBox.setPadding(new Insets(10, 12, 12, 12));
        jobBox.getStyleClass().add("backtest-job");
        getChildren().addAll(scroll, jobBox);
        setPrefWidth(300);
        setMinWidth(290);
    }

    private void rebuildRanges() {
        ranges.getChildren().clear();
        rangeInputs.clear();
        for (RangeField r : form.ranges()) {
            Label name = new Label(r.spec().name());
            name.setMinWidth(96);
            TextField input = new TextField();
            input.setId("range-" + r.spec().name());
            input.setPromptText(r.hint());
            input.textProperty().bindBidirectional(r.text());
            HBox.setHgrow(input, Priority.ALWAYS);
            HBox line = new HBox(8, name, input);
            line.setAlignment(Pos.CENTER_LEFT);
            rangeInputs.put(r.spec().name(), input);
            ranges.getChildren().add(line);
        }
    }

    /** Starts what the form describes; a refusal shows under its field. */
    public void run() {
        form.start(api, loader, job -> {
            // the heat map colours a sweep by what it was ranked by (a stored sweep does not record it)
            if (form.mode().get() == Mode.SWEEP) model.rank().set(form.rank().get());
            model.follow(job);
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "form-section");
        return l;
    }

    /** A label of a form's first column, as wide in every grid of the form. */
    private static Label column(String text) {
        Label l = new Label(text);
        l.setMinWidth(64);
        return l;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }


    public BacktestFormModel model() { return form; }
    public ToggleButton sweepToggle() { return sweep; }
    public ToggleButton backtestToggle() { return backtest; }
    public ListView<String> botList() { return botList; }
    public TextField rangeInput(String param) { return rangeInputs.get(param); }
    public Button runButton() { return run; }
    public Button cancelButton() { return cancel; }
    public ProgressBar progressBar() { return bar; }
}
