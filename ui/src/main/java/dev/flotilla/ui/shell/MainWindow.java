package dev.flotilla.ui.shell;

import atlantafx.base.controls.CustomTextField;
import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.ui.fx.EventBridge;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.backtest.BacktestFormModel;
import dev.flotilla.ui.screen.backtest.BacktestsModel;
import dev.flotilla.ui.screen.backtest.BacktestsView;
import dev.flotilla.ui.screen.chart.BotChartModel;
import dev.flotilla.ui.screen.chart.CandleChartView;
import dev.flotilla.ui.screen.chart.EquityChartView;
import dev.flotilla.ui.screen.chart.EquityModel;
import dev.flotilla.ui.screen.dashboard.DashboardModel;
import dev.flotilla.ui.screen.dashboard.FiguresView;
import dev.flotilla.ui.screen.fleet.BotRow;
import dev.flotilla.ui.screen.fleet.FleetModel;
import dev.flotilla.ui.screen.fleet.FleetTableView;
import dev.flotilla.ui.screen.history.EventLogModel;
import dev.flotilla.ui.screen.history.HistoryModel;
import dev.flotilla.ui.screen.history.HistoryView;
import dev.flotilla.ui.screen.export.ExportDialog;
import dev.flotilla.ui.screen.performance.PerformanceView;
import dev.flotilla.ui.screen.risk.ReconciliationBanner;
import dev.flotilla.ui.screen.risk.RiskEventsModel;
import dev.flotilla.engine.model.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The console's main window: the headline figures, the fleet table beside the charts, the history below, the
 * status bar. Its screens learn about the engine only from the {@link EventBridge}'s pulses.
 */
public final class MainWindow {

    private final EngineApi engine;
    private final Stage stage;
    private final EventBridge bridge;
    private final FleetModel fleet = new FleetModel();
    private final DashboardModel dashboard = new DashboardModel();
    private final BotChartModel chart;
    private final EquityModel fleetEquity;
    private final EquityModel botEquity;
    private final HistoryModel history;
    private final EventLogModel log = new EventLogModel();
    private final RiskEventsModel riskEvents;
    private final ReconciliationBanner banner;
    private final ObservableList<String> botFilter = FXCollections.observableArrayList(HistoryView.ALL);
    private final FleetTableView table;
    private final CandleChartView candles;
    private final EquityChartView fleetCurve;
    private final EquityChartView botCurve;
    private final TabPane charts = new TabPane();
    private final HistoryView historyView;
    private final CustomTextField find = new CustomTextField();
    private final StatusBar status = new StatusBar();
    private final FiguresView figures;
    private final Actions actions;
    private final Scene scene;
    private final BacktestApi backtestApi;
    private final Loader loader;
    private final TabPane screens = new TabPane();
    private final Tab dashboardTab = new Tab("Dashboard");
    private final Tab backtestsTab = new Tab("Backtests");
    private BacktestsView backtests;
    private final LogsTab logFile;
    private final FirstRunHelp help;
    private final ReportScreens reports;

    MainWindow(EngineApi engine, Prefs prefs, Stage stage, Loader loader, Optional<Tray> tray, Runnable quit) {
        this(engine, null, prefs, stage, loader, tray, quit);
    }

    MainWindow(EngineApi engine, BacktestApi backtestApi, Prefs prefs, Stage stage, Loader loader, Optional<Tray> tray,
               Runnable quit) {
        this(engine, backtestApi, null, prefs, stage, loader, tray, quit);
    }

    /**
     * @param backtestApi the backtests of the Backtests screen, or null for a console without it
     * @param live        live trading's keys for the keys dialog, or null for a console without live trading
     */
    MainWindow(EngineApi engine, BacktestApi backtestApi, LiveApi live, Prefs prefs, Stage stage, Loader loader,
               Optional<Tray> tray, Runnable quit) {
        this.engine = engine;
        this.backtestApi = backtestApi;
        this.loader = loader;
        this.stage = stage;
        this.bridge = new EventBridge(engine);
        this.chart = new BotChartModel(engine.reads(), loader);
        this.fleetEquity = new EquityModel(engine.reads(), loader);
        this.botEquity = new EquityModel(engine.reads(), loader);
        this.history = new HistoryModel(engine.reads(), loader);
        this.riskEvents = new RiskEventsModel(engine.risk(), loader);
        this.actions = new Actions(engine, live, prefs, () -> stage, this::selectedIds, this::showChart, tray.isPresent());
        this.table = new FleetTableView(fleet, actions);
        dev.flotilla.ui.screen.export.TableExport.install(table.table(), "fleet");
        this.banner = new ReconciliationBanner(() -> actions.risk().reconciliation());
        this.candles = new CandleChartView(chart);
        this.fleetCurve = new EquityChartView(fleetEquity, () -> "Fleet equity");
        this.botCurve = new EquityChartView(botEquity, () -> (botEquity.botId().get() == null ? "Bot" : botEquity.botId().get()) + " equity");
        fleet.selected().addListener((o, a, b) -> {
            chart.botId().set(b == null ? null : b.id());
            botEquity.botId().set(b == null ? null : b.id());
        });

        charts.getTabs().addAll(new Tab("Price chart", candles), new Tab("Bot equity", botCurve), new Tab("Fleet equity", fleetCurve));
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane upper = new SplitPane(FleetPane.of(find, fleet, table), charts);
        upper.setDividerPositions(0.6);
        historyView = new HistoryView(history, log, riskEvents, botFilter);
        new PositionsMenu(PositionsMenu.table(historyView), actions.positions());
        logFile = new LogsTab(historyView, loader);
        SplitPane main = new SplitPane(upper, historyView);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.68);
        dashboardTab.setContent(main);
        screens.getTabs().add(dashboardTab);
        reports = new ReportScreens(engine.reports(), loader, screens, () -> stage);
        if (backtestApi != null) {
            screens.getTabs().add(backtestsTab);
            // built when first shown: a console that never looks at backtests pays nothing for them
            backtestsTab.setContent(new Label("Loading…"));
            screens.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
                if (b == backtestsTab) backtests();
            });
        }
        screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        screens.getStyleClass().add("screens");
        BorderPane root = new BorderPane(screens);
        figures = new FiguresView(dashboard, () -> actions.risk().killSwitch(), () -> actions.risk().portfolioLimits());
        javafx.scene.control.MenuBar menus = Menus.bar(actions, this::find, quit, this::showDashboard,
                backtestApi == null ? null : this::showBacktests, this::showLogFile);
        Menus.addReports(menus, this::exportDialog, reports::show);
        Menus.addChartItems(menus, this::saveChart);
        root.setTop(new VBox(menus, banner, figures));
        help = new FirstRunHelp(root, figures.killButton(), table, prefs);
        root.setBottom(status);
        root.getStyleClass().add("console");
        scene = new Scene(root, Placement.WIDTH, Placement.HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/flotilla/ui/console.css").toExternalForm());
        new Themes(prefs, root);
        Notices notices = new Notices(prefs.notifyFills()::get, prefs.notifyAlerts()::get, System::nanoTime);
        bridge.listen(this::onPulse);
        bridge.listen(actions.pluginDialogs()::onPulse);
        tray.ifPresent(t -> bridge.listen(p -> notices.of(p.events()).forEach(t::notify)));
        fleetEquity.load();
        history.reload();
        riskEvents.reload();
        bridge.pulse();
        if (!fleet.rows().isEmpty()) table.table().getSelectionModel().select(0);
        javafx.application.Platform.runLater(() -> table.table().requestFocus());
        bridge.start();
        actions.risk().askAtStart(n -> tray.ifPresent(t -> t.notify(n)));
        javafx.application.Platform.runLater(actions.pluginDialogs()::askAtStart);
    }

    private void onPulse(Pulse p) {
        if (fleet.show(p.snapshot())) {
            table.refresh();
            if (botFilter.size() != fleet.rows().size() + 1) {
                List<String> ids = new ArrayList<>();
                ids.add(HistoryView.ALL);
                fleet.rows().stream().map(BotRow::id).sorted().forEach(ids::add);
                botFilter.setAll(ids);
            }
        }
        fleetEquity.onPulse(p);
        botEquity.onPulse(p);
        String problem = engine.storeProblem() != null ? engine.storeProblem() : engine.haltReason();
        RiskView risk = engine.risk().status();
        dashboard.show(p.snapshot(), fleetEquity.stored(), problem, risk);
        fleet.showRisk(risk, TradingState.valueOf(p.snapshot().state()),
                engine.haltReason() != null ? engine.haltReason() : risk.fleetReason());
        banner.show(engine.reconciliationDifferences());
        riskEvents.onPulse(p);
        chart.onPulse(p);
        history.onPulse(p);
        log.onPulse(p);
        logFile.onPulse();
        status.show(p, engine.marketStatus(), engine.ai().status());
        candles.flush();
        fleetCurve.flush();
        botCurve.flush();
        if (backtests != null) backtests.onPulse();
        reports.onPulse(p);
    }

    /** The Performance screen, built on first use. */
    public PerformanceView performance() { return reports.view(); }
    /** File > Export…: the books as CSV files, the performance report as Markdown. */
    public ExportDialog exportDialog() { return reports.exportDialog(); }

    /** The Backtests screen, built on first use; null when the console has no backtests. */
    public BacktestsView backtests() {
        if (backtests == null && backtestApi != null) {
            List<BacktestFormModel.BotChoice> bots = engine.snapshot().bots().stream()
                    .map(b -> new BacktestFormModel.BotChoice(b.id(), b.strategy())).sorted(java.util.Comparator
                            .comparing(BacktestFormModel.BotChoice::id)).toList();
            var catalog = engine.bots().catalog();
            BacktestFormModel form = new BacktestFormModel(bots, strategy -> catalog.strategies().stream()
                    .filter(s -> s.id().equals(strategy)).findFirst().map(s -> s.params()).orElse(List.of()));
            backtests = new BacktestsView(form, new BacktestsModel(backtestApi, engine.bots(), loader), backtestApi, loader,
                    () -> stage);
            backtestsTab.setContent(backtests);
        }
        return backtests;
    }

    public void showBacktests() {
        if (backtestApi == null) return;
        screens.getSelectionModel().select(backtestsTab);
        backtests();
    }

    public void showDashboard() {
        screens.getSelectionModel().select(dashboardTab);
    }

    /** View > Log file: the dashboard, with the history's log file tab in front. */
    public void showLogFile() {
        showDashboard();
        logFile.show();
    }

    /** The log file's tab. */
    public LogsTab logFile() { return logFile; }

    /** The first-run help over the window (shown on a first start, see {@link FirstRunHelp#showIfNew}). */
    public FirstRunHelp help() { return help; }

    private void find() {
        find.requestFocus();
        find.selectAll();
    }

    private List<String> selectedIds() {
        return table.selectedIds();
    }

    /** The price chart shown, then asked where to save it as PNG. */
    private void saveChart() {
        showDashboard();
        charts.getSelectionModel().select(0);
        candles.saveAs();
    }

    private void showChart(String botId) {
        showDashboard();
        table.select(botId);
        charts.getSelectionModel().select(0);
    }

    /** Stops listening to the engine. */
    void close() {
        bridge.close();
    }

    public Scene scene() { return scene; }
    public Stage stage() { return stage; }
    public Actions actions() { return actions; }
    public EventBridge bridge() { return bridge; }
    public FleetModel fleet() { return fleet; }
    public FleetTableView table() { return table; }
    public CandleChartView candles() { return candles; }
    public EquityChartView fleetCurve() { return fleetCurve; }
    public EquityChartView botCurve() { return botCurve; }
    public TabPane charts() { return charts; }
    /** The window's screens: the dashboard, and the backtests where the console has them. */
    public TabPane screens() { return screens; }
    public DashboardModel dashboard() { return dashboard; }
    public HistoryView history() { return historyView; }
    public HistoryModel historyModel() { return history; }
    public EventLogModel eventLog() { return log; }
    public EngineApi engine() { return engine; }
    public ReconciliationBanner banner() { return banner; }
    public FiguresView figures() { return figures; }
    /** The status bar's mode badge, e.g. "SANDBOX x60 · HALTED". */
    public String statusModeForTests() { return status.modeText(); }
    public RiskEventsModel riskEvents() { return riskEvents; }
    String statusClock() { return status.clockText(); }
}
