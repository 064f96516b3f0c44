package dev.flotilla.ui.screen.backtest;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.BacktestApi.Run;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.screen.Columns;
import dev.flotilla.ui.screen.export.TableExport;
import dev.flotilla.ui.screen.chart.CandleChartView;
import dev.flotilla.ui.screen.chart.CurvesChartView;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Backtests screen: the form on the left; on the right the stored runs, the selected run's results per bot and for
 * the fleet, and below them the selected row's equity and drawdown, its trades on its candles, a comparison with a
 * second run, and a sweep's heat map.
 */
public final class BacktestsView extends BorderPane {

    private final BacktestsModel model;
    private final BacktestFormView form;
    private final TableView<Run> runs = new TableView<>();
    private final TableView<RunFigures> results = new TableView<>();
    private final CurvesChartView equity = new CurvesChartView("Select a run to see its equity", false);
    private final CandleChartView candles;
    private final CurvesChartView compareCurves = new CurvesChartView("Pick a second run to compare with", true);
    private final TableView<Comparison.Row> compareTable = new TableView<>();
    private final ComboBox<Run> compareWith = new ComboBox<>();
    private final HeatMapView heatMap;
    private final TabPane tabs = new TabPane();
    private final Tab equityTab = new Tab("Equity & drawdown");
    private final Tab tradesTab = new Tab("Trades on chart");
    private final Tab compareTab = new Tab("Compare runs");
    private final Tab heatTab = new Tab("Sweep heat map");

    public BacktestsView(BacktestFormModel formModel, BacktestsModel model, BacktestApi api, Loader loader,
                         Supplier<Window> owner) {
        this.model = model;
        getStyleClass().add("backtests");
        form = new BacktestFormView(formModel, model, api, loader);
        candles = new CandleChartView(model.chart());
        candles.emptyText("Select a bot's row in the results to see its trades on its candles");
        heatMap = new HeatMapView(model, owner);
        buildRunsTable();
        buildResultsTable();
        buildCompareTable();

        model.curves().addListener((o, a, b) -> equity.show(model.curvesTitle().get(), curves(b), false));
        model.compareCurves().addListener((o, a, b) -> compareCurves.show(b.isEmpty() ? "Pick a second run to compare with"
                : "Fleet return, " + b.get(0).name() + " against " + b.get(1).name(), curves(b), true));
        model.heatMap().addListener((o, a, b) -> {
            if (b != null) tabs.getSelectionModel().select(heatTab);
        });

        equityTab.setContent(equity);
        tradesTab.setContent(candles);
        compareTab.setContent(comparePane());
        heatTab.setContent(heatMap);
        tabs.getTabs().addAll(equityTab, tradesTab, compareTab, heatTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane right = new SplitPane(titled("Stored runs", runs), titled("Results of the selected run", results), tabs);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.2, 0.43);
        SplitPane main = new SplitPane(form, right);
        main.setDividerPositions(0.185);
        SplitPane.setResizableWithParent(form, false);
        setCenter(main);
        model.reload(-1);
    }

    private static List<CurvesChartView.Curve> curves(List<BacktestsModel.NamedCurve> list) {
        return list.stream().map(c -> new CurvesChartView.Curve(c.name(), c.curve().times(), c.curve().equity())).toList();
    }

    private static VBox titled(String text, javafx.scene.Node content) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setPadding(new Insets(4, 10, 4, 10));
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(l, content);
        box.setMinHeight(90);
        return box;
    }

    private void buildRunsTable() {
        runs.setItems(model.runs());
        runs.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        runs.setPlaceholder(new Label("No stored runs yet: fill in the form and press Run"));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getColumns().addAll(List.of(
                Columns.time("Run", r -> r.id(), String::valueOf, 50),
                Columns.time("Created (UTC)", Run::createdAt, Fmt::minute, 124),
                Columns.text("Period", r -> Fmt.minute(r.from()).substring(0, 10) + " to " + Fmt.minute(r.to() - 1).substring(0, 10), 170),
                Columns.text("Market", Run::market, 170),
                Columns.text("Fee / slip.", r -> r.feeBps().stripTrailingZeros().toPlainString() + " / "
                        + r.slippageBps().stripTrailingZeros().toPlainString() + " bps", 100),
                Columns.time("Fills", r -> (long) r.fills(), String::valueOf, 60),
                Columns.text("Digest", r -> r.fillsDigest() == null ? "" : r.fillsDigest().substring(0, Math.min(10, r.fillsDigest().length())), 96),
                Columns.text("Label", r -> r.label() == null ? "" : r.label(), 260)));
        runs.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth() * 0.8));
        TableExport.install(runs, "backtest-runs");
        runs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(model.selected().get())) model.selected().set(b);
        });
        model.selected().addListener((o, a, b) -> {
            if (b != null && b != runs.getSelectionModel().getSelectedItem()) {
                runs.getSelectionModel().select(b);
                runs.scrollTo(b);
            }
        });
    }

    private void buildResultsTable() {
        results.setItems(model.rows());
        results.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        results.setPlaceholder(new Label("Select a run"));
        results.getColumns().add(Columns.text("Bot", f -> f.fleet() ? "Fleet (all)" : f.id(), 100));
        results.getColumns().add(Columns.text("Strategy", RunFigures::strategy, 128));
        results.getColumns().add(Columns.text("Market", f -> f.fleet() ? "" : f.symbol() + " " + f.timeframe(), 108));
        for (Metric m : Metric.values()) results.getColumns().add(metric(m));
        results.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        TableExport.install(results, "backtest-results");
        results.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunFigures f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("fleet-row");
                if (!empty && f != null && f.fleet()) getStyleClass().add("fleet-row");
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(model.row().get())) model.row().set(b);
        });
        model.row().addListener((o, a, b) -> {
            if (b != null && b != results.getSelectionModel().getSelectedItem()) results.getSelectionModel().select(b);
        });
    }

    /** A figure's column: its text, sorted by its value, missing ones ("-") last. */
    private static TableColumn<RunFigures, Double> metric(Metric m) {
        TableColumn<RunFigures, Double> c = new TableColumn<>();
        // two-line headers keep fifteen figures readable side by side
        Label header = new Label(m.title().replace(' ', '\n').replace("Buy\n&\nhold", "Buy &\nhold").replace("Profit\nf.", "Profit\nfactor"));
        header.setMinWidth(Label.USE_PREF_SIZE);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        c.setGraphic(header);
        c.setText("");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(m.value(d.getValue())));
        c.setPrefWidth(switch (m) {
            case FINAL_EQUITY -> 82;
            case RETURN, CAGR, BUY_AND_HOLD -> 68;
            case FEES -> 64;
            case WIN_RATE, TIME_IN_MARKET -> 64;
            case SORTINO, SHARPE, CALMAR, TRADES -> 60;
            case DRAWDOWN_DAYS -> 52;
            default -> 58;
        });
        c.getStyleClass().add("numeric");
        c.setComparator(Comparator.comparingDouble(v -> Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v));
        boolean signed = m == Metric.RETURN || m == Metric.CAGR || m == Metric.BUY_AND_HOLD;
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("pnl-up", "pnl-down");
                setText(empty || v == null ? null : m.format(v));
                if (signed && !empty && v != null && Double.isFinite(v) && v != 0) getStyleClass().add(v > 0 ? "pnl-up" : "pnl-down");
            }
        });
        return c;
    }

    private void buildCompareTable() {
        compareTable.setItems(model.comparison());
        compareTable.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        compareTable.setPlaceholder(new Label("Pick a second run above"));
        compareTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Comparison.Row, String> name = Columns.text("Fleet figure", r -> r.metric().title(), 100);
        compareTable.getColumns().addAll(List.of(name, side("Run A", true), side("Run B", false)));
        model.selected().addListener((o, a, b) -> compareTable.getColumns().get(1).setText(b == null ? "Run A" : "Run " + b.id()));
        model.compareWith().addListener((o, a, b) -> compareTable.getColumns().get(2).setText(b == null ? "Run B" : "Run " + b.id()));
        compareWith.setItems(model.runs());
        compareWith.valueProperty().bindBidirectional(model.compareWith());
        compareWith.setPromptText("pick a run");
        compareWith.setButtonCell(runCell());
        compareWith.setCellFactory(l -> runCell());
        compareWith.setMaxWidth(560);
    }

    private static TableColumn<Comparison.Row, String> side(String title, boolean a) {
        TableColumn<Comparison.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(a ? d.getValue().a() : d.getValue().b()));
        c.setPrefWidth(110);
        c.getStyleClass().add("numeric");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("pnl-up");
                setText(empty ? null : v);
                Comparison.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r != null && r.better() == (a ? -1 : 1)) getStyleClass().add("pnl-up");
            }
        });
        return c;
    }

    private static ListCell<Run> runCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Run r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : BacktestsModel.describe(r));
            }
        };
    }

    private VBox comparePane() {
        Label a = new Label();
        a.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Selected: " + (model.selected().get() == null ? "none" : BacktestsModel.describe(model.selected().get())),
                model.selected()));
        HBox bar = new HBox(10, a, new Label("compared with"), compareWith);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        compareTable.setPrefWidth(330);
        compareTable.setMinWidth(300);
        SplitPane split = new SplitPane(compareTable, compareCurves);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(compareTable, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(bar, split);
    }

    /** At each pulse of the window: the job's progress, and the charts drawn once ChartFX lets them be. */
    public void onPulse() {
        model.onPulse();
        equity.flush();
        candles.flush();
        compareCurves.flush();
    }

    public BacktestsModel model() { return model; }
    public BacktestFormView form() { return form; }
    public TableView<Run> runs() { return runs; }
    public TableView<RunFigures> results() { return results; }
    public CurvesChartView equity() { return equity; }
    public CandleChartView candles() { return candles; }
    public CurvesChartView compareCurves() { return compareCurves; }
    public TableView<Comparison.Row> compareTable() { return compareTable; }
    public HeatMapView heatMap() { return heatMap; }
    public TabPane tabs() { return tabs; }
}
