package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.BacktestApi.Job;
import dev.flotilla.engine.api.BacktestApi.Run;
import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.model.Side;
import dev.flotilla.ui.Fmt;
import dev.flotilla.ui.fx.Loader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Backtests screen's state: the job running (followed at each pulse), the stored runs, the selected run's figures
 * and the selected row's equity, trades and candles, a second run to compare with, and a sweep's heat map. Every read
 * of the store goes through the {@link Loader}; a result for a selection changed meanwhile is dropped. FX thread only.
 */
public final class BacktestsModel {

    /** Stored runs listed at most (a sweep's sets are not listed, its best run is). */
    public static final int RUNS = 300;

    /** A curve with what it is of, e.g. "run 12 fleet". */
    public record NamedCurve(String name, EquityCurve curve) {
    }

    private final BacktestApi api;
    private final BotCommands bots;
    private final Loader loader;
    private final ObjectProperty<Job> job = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("No backtest running");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> selected = new SimpleObjectProperty<>();
    private final ObservableList<RunFigures> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RunFigures> row = new SimpleObjectProperty<>();
    private final StringProperty curvesTitle = new SimpleStringProperty("Select a run to see its equity");
    private final ObjectProperty<List<NamedCurve>> curves = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<BotChart> chart = new SimpleObjectProperty<>();
    private final ObjectProperty<Run> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<Comparison.Row> comparison = FXCollections.observableArrayList();
    private final ObjectProperty<List<NamedCurve>> compareCurves = new SimpleObjectProperty<>(List.of());
    private final StringProperty rank = new SimpleStringProperty("sharpe");
    private final ObjectProperty<HeatMap> heatMap = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private List<RunFigures> sweepSets = List.of();
    private long selectAfterLoad = -1;
    private int runGeneration;
    private int rowGeneration;
    private int compareGeneration;

    public BacktestsModel(BacktestApi api, BotCommands bots, Loader loader) {
        this.api = api;
        this.bots = bots;
        this.loader = loader;
        selected.addListener((o, a, b) -> loadRun(b));
        row.addListener((o, a, b) -> loadRow(b));
        compareWith.addListener((o, a, b) -> loadComparison());
        rank.addListener((o, a, b) -> heatMap.set(sweepSets.isEmpty() ? null : HeatMap.of(sweepSets, Metric.ofRank(b))));
        api.current().ifPresent(this::follow);
    }

    /** Follows a job that was just started (or was running when the screen opened). */
    public void follow(Job j) {
        job.set(j);
        error.set("");
        running.set(!j.done());
        onPulse();
    }

    /** Reads the job's progress; once it is done, lists the runs again and selects the one it stored last. */
    public void onPulse() {
        Job j = job.get();
        if (j == null || !running.get()) return;
        progress.set(j.progress());
        status.set(j.title() + ": " + j.status());
        if (!j.done()) return;
        running.set(false);
        if (j.error() != null) {
            error.set(j.title() + " " + (j.error().equals("cancelled") ? "cancelled" : "failed: " + j.error()));
            status.set(j.title() + ": " + j.error());
        } else {
            List<Long> ids = j.runIds();
            status.set(j.title() + ": done, " + (ids.size() == 1 ? "run " + ids.getFirst() : ids.size() + " runs stored"));
            reload(ids.isEmpty() ? -1 : ids.getLast());
        }
    }

    public void cancel() {
        Job j = job.get();
        if (j != null && !j.done()) {
            j.cancel();
            status.set(j.title() + ": cancelling…");
        }
    }

    /** Lists the stored runs again, then selects {@code runId} (-1: the newest, when nothing is selected). */
    public void reload(long runId) {
        selectAfterLoad = runId;
        loader.load(() -> api.runs(RUNS * 20).stream().filter(r -> !sweepSet(r)).limit(RUNS).toList(), list -> {
            long keep = selectAfterLoad >= 0 ? selectAfterLoad : selected.get() == null ? -1 : selected.get().id();
            runs.setAll(list);
            Run pick = list.stream().filter(r -> r.id() == keep).findFirst().orElse(list.isEmpty() ? null : list.getFirst());
            selectAfterLoad = -1;
            if (pick != null && !pick.equals(selected.get())) selected.set(pick);
        });
    }

    /** One set of a sweep (listed through its best run). */
    static boolean sweepSet(Run r) {
        return r.label() != null && r.label().startsWith("sweep ") && !r.label().endsWith(" best");
    }

    /** The label the sweep's sets share, when this is a sweep's best run, or null. */
    public static String sweepLabel(Run r) {
        return r != null && r.label() != null && r.label().startsWith("sweep ") && r.label().endsWith(" best")
                ? r.label().substring(0, r.label().length() - " best".length()) : null;
    }

    /** How a run is listed: "run 12 · 2024-04-01 to 2024-04-14 · sandbox seed 7". */
    public static String describe(Run r) {
        if (r == null) return "";
        return "run " + r.id() + " · " + Fmt.minute(r.from()).substring(0, 10) + " to " + Fmt.minute(r.to() - 1).substring(0, 10)
                + " · " + r.market() + " · " + r.feeBps().stripTrailingZeros().toPlainString() + "/"
                + r.slippageBps().stripTrailingZeros().toPlainString() + " bps" + (r.label() == null ? "" : " · " + r.label());
    }

    private void loadRun(Run r) {
        int g = ++runGeneration;
        rows.clear();
        row.set(null);
        sweepSets = List.of();
        heatMap.set(null);
        loadComparison();
        if (r == null) return;
        String label = sweepLabel(r);
        loader.load(() -> new Loaded(api.figures(r.id()), label == null ? List.of() : api.sweepFigures(label)), l -> {
            if (g != runGeneration) return;
            rows.setAll(l.figures());
            sweepSets = l.sets();
            heatMap.set(sweepSets.isEmpty() ? null : HeatMap.of(sweepSets, Metric.ofRank(rank.get())));
            RunFigures fleet = l.figures().stream().filter(RunFigures::fleet).findFirst().orElse(null);
            // a one-bot run (a sweep's best) opens on its bot, whose trades are the point
            RunFigures first = l.figures().stream().filter(f -> !f.fleet()).findFirst().orElse(fleet);
            row.set(l.figures().size() == 2 && first != null ? first : fleet);
        });
    }

    private record Loaded(List<RunFigures> figures, List<RunFigures> sets) {
    }

    private record RowData(EquityCurve curve, BotChart chart) {
    }

    private void loadRow(RunFigures f) {
        int g = ++rowGeneration;
        Run r = selected.get();
        chart.set(null);
        if (f == null || r == null) {
            curves.set(List.of());
            curvesTitle.set("Select a run to see its equity");
            return;
        }
        String who = f.fleet() ? "Fleet" : f.id();
        loader.load(() -> new RowData(api.equity(r.id(), f.id()), f.fleet() ? null : chartOf(r.id(), f)), d -> {
            if (g != rowGeneration) return;
            curvesTitle.set(who + " equity, run " + r.id() + "  ·  " + Metric.RETURN.text(f) + "  ·  max drawdown "
                    + Metric.MAX_DRAWDOWN.text(f) + "  ·  Sharpe " + Metric.SHARPE.text(f));
            curves.set(List.of(new NamedCurve(who + " equity", d.curve())));
            chart.set(d.chart());
        });
    }

    private BotChart chartOf(long runId, RunFigures f) {
        List<Candle> candles = api.candles(runId, f.id());
        List<TradeMarker> marks = new ArrayList<>();
        for (ClosedTrade t : api.trades(runId)) {
            if (!t.botId().equals(f.id())) continue;
            marks.add(new TradeMarker(t.openedAt(), Side.BUY, t.entryPrice().doubleValue(), "ENTRY"));
            marks.add(new TradeMarker(t.closedAt(), Side.SELL, t.exitPrice().doubleValue(), t.exitReason()));
        }
        return chart(f, candles, marks);
    }

    /** A backtest bot's candles with its trades as the chart of a live bot draws them. */
    static BotChart chart(RunFigures f, List<Candle> candles, List<TradeMarker> marks) {
        return new BotChart(f.id(), f.strategy(), f.symbol(), f.timeframe(), candles, List.of(), marks, null, null);
    }

    private void loadComparison() {
        int g = ++compareGeneration;
        Run a = selected.get();
        Run b = compareWith.get();
        if (a == null || b == null) {
            comparison.clear();
            compareCurves.set(List.of());
            return;
        }
        loader.load(() -> {
            RunFigures fa = fleetOf(api.figures(a.id()));
            RunFigures fb = fleetOf(api.figures(b.id()));
            List<NamedCurve> c = List.of(new NamedCurve("run " + a.id(), api.equity(a.id(), RunFigures.FLEET)),
                    new NamedCurve("run " + b.id(), api.equity(b.id(), RunFigures.FLEET)));
            return new Compared(fa == null || fb == null ? List.of() : Comparison.of(fa, fb), c);
        }, result -> {
            if (g != compareGeneration) return;
            comparison.setAll(result.rows());
            compareCurves.set(result.curves());
        });
    }

    private record Compared(List<Comparison.Row> rows, List<NamedCurve> curves) {
    }

    private static RunFigures fleetOf(List<RunFigures> figures) {
        return figures.stream().filter(RunFigures::fleet).findFirst().orElse(null);
    }

    /**
     * Gives a bot the values of some of its parameters (the others keep theirs); the engine checks the draft again and
     * the future completes exceptionally when it refuses it.
     */
    public CompletableFuture<Void> apply(String botId, Map<String, Double> params) {
        BotDraft d = bots.draft(botId).orElse(null);
        if (d == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no bot " + botId + " in the fleet"));
        return bots.edit(botId, withParams(d, params));
    }

    static BotDraft withParams(BotDraft d, Map<String, Double> params) {
        Map<String, String> p = new LinkedHashMap<>(d.params());
        params.forEach((k, v) -> p.put(k, HeatMap.number(v)));
        return new BotDraft(d.id(), d.strategy(), d.symbol(), d.timeframe(), p, d.capital());
    }

    public ObjectProperty<Job> job() { return job; }
    public BooleanProperty running() { return running; }
    public DoubleProperty progress() { return progress; }
    public StringProperty status() { return status; }
    /** Why the last job failed, or that it was cancelled; "" otherwise. */
    public StringProperty error() { return error; }
    public ObservableList<Run> runs() { return runs; }
    public ObjectProperty<Run> selected() { return selected; }
    /** The selected run's figures: each bot, then the fleet. */
    public ObservableList<RunFigures> rows() { return rows; }
    public ObjectProperty<RunFigures> row() { return row; }
    public StringProperty curvesTitle() { return curvesTitle; }
    public ObjectProperty<List<NamedCurve>> curves() { return curves; }
    /** The selected bot's candles and trades; null for the fleet row. */
    public ObjectProperty<BotChart> chart() { return chart; }
    public ObjectProperty<Run> compareWith() { return compareWith; }
    public ObservableList<Comparison.Row> comparison() { return comparison; }
    public ObjectProperty<List<NamedCurve>> compareCurves() { return compareCurves; }
    /** The heat map's metric: sharpe, calmar or return. */
    public StringProperty rank() { return rank; }
    /** The selected sweep's heat map, or null when the run is not a sweep's. */
    public ObjectProperty<HeatMap> heatMap() { return heatMap; }
    /** What the last "apply to bot" did. */
    public StringProperty notice() { return notice; }
}
