package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.api.ChartLine;
import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected bot's chart: candles with the strategy's price indicators, its entries and exits, its open
 * position's entry and stop, and below them the strategy's oscillator (RSI, MACD) when it has one. Data sets
 * are replaced whole, once per update, so the chart redraws once.
 */
public final class CandleChartView extends VBox {

    private final Label title = new Label("Select a bot in the fleet table to see its chart");
    private String emptyText = title.getText();
    private final DefaultNumericAxis x = Charts.timeAxis();
    private final DefaultNumericAxis y = Charts.valueAxis("price", "USDT");
    private final DefaultNumericAxis lowerX = Charts.timeAxis();
    private final DefaultNumericAxis lowerY = Charts.valueAxis("", null);
    private final XYChart price = Charts.chart(x, y);
    private final XYChart lower = Charts.chart(lowerX, lowerY);
    private final OhlcvDataSet candles = new OhlcvDataSet("candles");
    private final ErrorDataSetRenderer priceLines = Charts.lines();
    private final ErrorDataSetRenderer lowerLines = Charts.lines();
    private final ErrorDataSetRenderer levels = Charts.lines();
    private final DoubleDataSet entries = Charts.dataSet("entries", "marker-entry");
    private final DoubleDataSet exits = Charts.dataSet("exits", "marker-exit");
    private final DoubleDataSet stopExits = Charts.dataSet("stop-loss exits", "marker-stop");
    private final DoubleDataSet aiVetoes = Charts.dataSet("AI vetoes", "marker-ai-veto");
    private final Label aiNote = new Label();
    private final DoubleDataSet entryLine = Charts.dataSet("entry", "level-entry");
    private final DoubleDataSet stopLine = Charts.dataSet("stop", "level-stop");
    private List<String> shownLines = List.of();
    private BotChart pending;
    private boolean dirty;

    public CandleChartView(BotChartModel model) {
        this(model.chart());
    }

    /** A chart of whatever {@code chart} holds, e.g. a backtest's candles and trades. */
    public CandleChartView(javafx.beans.value.ObservableValue<BotChart> chart) {
        getStyleClass().add("candle-chart");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "chart-title-label");
        candles.setData(new CandleSeries(List.of()));
        CandleStickRenderer sticks = new CandleStickRenderer();
        sticks.setComputeLocalRange(false);
        sticks.getDatasets().add(candles);
        levels.getDatasets().addAll(entryLine, stopLine);
        ErrorDataSetRenderer marks = Charts.markers();
        marks.addDataSet(entries).setUserMarkerType(TriangleMarker.UP);
        marks.addDataSet(exits).setUserMarkerType(TriangleMarker.DOWN);
        marks.addDataSet(stopExits).setUserMarkerType(TriangleMarker.DOWN);
        marks.addDataSet(aiVetoes).setUserMarkerType(CrossMarker.INSTANCE);
        aiNote.getStyleClass().addAll(Styles.TEXT_SMALL, "chart-ai-veto-note");
        aiNote.setId("chart-ai-veto-note");
        aiNote.setWrapText(true);
        aiNote.visibleProperty().bind(aiNote.textProperty().isNotEmpty());
        aiNote.managedProperty().bind(aiNote.visibleProperty());
        price.getRenderers().addAll(sticks, priceLines, levels, marks);
        lower.getRenderers().add(lowerLines);
        y.setAutoRanging(false);
        x.setAutoRanging(false);
        lowerX.setAutoRanging(false);
        lower.setLegendVisible(true);
        lower.getStyleClass().add("lower-chart");
        VBox.setVgrow(price, Priority.ALWAYS);
        lower.setPrefHeight(150);
        lower.setMinHeight(120);
        getChildren().addAll(title, aiNote, price, lower);
        showLower(false);
        chart.addListener((o, a, c) -> {
            pending = c;
            dirty = true;
            flush();
        });
        pending = chart.getValue();
        dirty = true;
        flush();
    }

    /** Draws the latest chart if it has not been drawn yet and the chart lets its data be written now. */
    public void flush() {
        List<DataSet> sets = new ArrayList<>(List.of(candles, entries, exits, stopExits, aiVetoes, entryLine, stopLine));
        sets.addAll(priceLines.getDatasets());
        sets.addAll(lowerLines.getDatasets());
        if (!dirty || !Charts.writable(sets.toArray(DataSet[]::new))) return;
        dirty = false;
        show(pending);
    }

    private void showLower(boolean on) {
        lower.setVisible(on);
        lower.setManaged(on);
    }

    private void show(BotChart c) {
        if (c == null || c.candles().isEmpty()) {
            title.setText(c == null ? emptyText : c.botId() + ": no candles yet");
            candles.setData(new CandleSeries(List.of()));
            candles.fireInvalidated(ChartBits.DataSetData);
            aiNote.setText("");
            return;
        }
        List<Candle> list = c.candles();
        long tf = Timeframe.parse(c.timeframe()).millis();
        double[] times = new double[list.size()];
        for (int i = 0; i < times.length; i++) times[i] = list.get(i).openTime() / 1000.0;
        candles.setData(new CandleSeries(list));
        candles.recomputeLimits(OhlcvDataSet.DIM_X);
        candles.fireInvalidated(ChartBits.DataSetData);
        lines(c.indicators(), times);
        markers(c.markers(), tf);
        double from = times[0] - tf / 2000.0;
        double to = times[times.length - 1] + tf / 1000.0;
        level(entryLine, "entry " + Fmt.price(c.entryPrice()), c.entryPrice(), from, to);
        level(stopLine, "stop " + Fmt.price(c.stopPrice()), c.stopPrice(), from, to);
        // entry and stop are in the legend only while the bot holds a position
        List<DataSet> shownLevels = c.entryPrice() == null ? List.of() : List.of(entryLine, stopLine);
        if (levels.getDatasets().size() != shownLevels.size()) levels.getDatasets().setAll(shownLevels);
        x.set(from, to);
        lowerX.set(from, to);
        priceRange(list, c);
        title.setText(c.botId() + "  ·  " + c.symbol() + " " + c.timeframe() + "  ·  " + c.strategy() + "  ·  close "
                + Fmt.price(list.getLast().close()));
        price.invalidate();
        lower.invalidate();
    }

    private void lines(List<ChartLine> lines, double[] times) {
        List<String> names = lines.stream().map(ChartLine::name).toList();
        if (!names.equals(shownLines)) {
            priceLines.getDatasets().clear();
            lowerLines.getDatasets().clear();
            int p = 0;
            int l = 0;
            for (ChartLine line : lines) {
                boolean level = line.name().startsWith("overbought") || line.name().startsWith("oversold")
                        || line.name().startsWith("exit") || line.name().equals("zero");
                String style = level ? "indicator-level" : "indicator-" + (line.panel() == ChartLine.Panel.PRICE ? p++ : l++);
                DoubleDataSet ds = Charts.dataSet(line.name(), style);
                (line.panel() == ChartLine.Panel.PRICE ? priceLines : lowerLines).getDatasets().add(ds);
            }
            shownLines = names;
            showLower(!lowerLines.getDatasets().isEmpty());
        }
        int p = 0;
        int l = 0;
        for (ChartLine line : lines) {
            var ds = (DoubleDataSet) (line.panel() == ChartLine.Panel.PRICE ? priceLines.getDatasets().get(p++)
                    : lowerLines.getDatasets().get(l++));
            Charts.setFinite(ds, times, line.values());
        }
    }

    private void markers(List<TradeMarker> marks, long tf) {
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        List<double[]> stopped = new ArrayList<>();
        List<double[]> vetoed = new ArrayList<>();
        List<TradeMarker> vetoes = new ArrayList<>();
        for (TradeMarker m : marks) {
            // drawn on the candle during which the fill happened
            double[] point = {Math.floorDiv(m.time(), tf) * tf / 1000.0, m.price()};
            if (m.aiVeto()) {
                vetoed.add(point);
                vetoes.add(m);
            } else if (m.side() == Side.BUY) in.add(point);
            else if ("STOP_LOSS".equals(m.purpose())) stopped.add(point);
            else out.add(point);
        }
        set(entries, in);
        set(exits, out);
        set(stopExits, stopped);
        set(aiVetoes, vetoed);
        aiNote(vetoes);
    }

    /** The latest veto's reason above the chart (the marks themselves are crosses), all of them in its tooltip. */
    private void aiNote(List<TradeMarker> vetoes) {
        if (vetoes.isEmpty()) {
            aiNote.setText("");
            aiNote.setTooltip(null);
            return;
        }
        TradeMarker last = vetoes.getLast();
        aiNote.setText("✕ AI veto " + Fmt.shortTime(last.time()) + " at " + Fmt.price(last.price()) + ": " + last.note()
                + (vetoes.size() > 1 ? "  (" + (vetoes.size() - 1) + " more on this chart)" : ""));
        StringBuilder all = new StringBuilder();
        for (TradeMarker m : vetoes.reversed()) {
            all.append(Fmt.shortTime(m.time())).append("  ").append(Fmt.price(m.price())).append("  ").append(m.note()).append('\n');
        }
        aiNote.setTooltip(new javafx.scene.control.Tooltip(all.toString().strip()));
    }

    private static void set(DoubleDataSet ds, List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        ds.set(xs, ys);
    }

    private static void level(DoubleDataSet ds, String name, BigDecimal value, double from, double to) {
        if (value == null) {
            ds.set(new double[0], new double[0]);
            return;
        }
        ds.setName(name);
        ds.set(new double[] {from, to}, new double[] {value.doubleValue(), value.doubleValue()});
    }

    private void priceRange(List<Candle> list, BotChart c) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Candle k : list) {
            lo = Math.min(lo, k.low());
            hi = Math.max(hi, k.high());
        }
        for (ChartLine line : c.indicators()) {
            if (line.panel() != ChartLine.Panel.PRICE) continue;
            for (double v : line.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (BigDecimal v : new BigDecimal[] {c.entryPrice(), c.stopPrice()}) {
            if (v != null) {
                lo = Math.min(lo, v.doubleValue());
                hi = Math.max(hi, v.doubleValue());
            }
        }
        double pad = Math.max((hi - lo) * 0.06, hi * 1e-4);
        y.set(lo - pad, hi + pad);
    }

    /** What the title says while there is no chart. */
    public void emptyText(String text) {
        emptyText = text;
        if (pending == null) title.setText(text);
    }

    /** Candles shown, for tests. */
    public int candleCount() {
        return candles.getDataCount();
    }

    /** Entry and exit markers shown, for tests. */
    public int markerCount() {
        return entries.getDataCount() + exits.getDataCount() + stopExits.getDataCount();
    }

    /** AI-vetoed entries marked, for tests. */
    public int aiVetoCount() {
        return aiVetoes.getDataCount();
    }

    /** The line that gives the latest AI veto's reason, for tests. */
    public Label aiNote() {
        return aiNote;
    }

    public String title() {
        return title.getText();
    }
}
