package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.api.ChartTimeframe;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.slf4j.LoggerFactory;

/**
 * The selected bot's chart: candles with the strategy's price indicators, its entries and exits, its open
 * position's entry, stop and take-profit, and below them the strategy's oscillator (RSI, MACD) when it has one;
 * with the tools to zoom, pan, read values and save it ({@link ChartTools}). Data sets are replaced whole, once
 * per update, so the chart redraws once.
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
    private final TradeMarks marks = new TradeMarks();
    private final ChartWindow window = new ChartWindow(x, y, lowerX);
    private final PositionLines levels = new PositionLines(price);
    private final PriceCrosshair crosshair = new PriceCrosshair();
    private final ChartTooltip tooltip;
    private final ChartTools tools;
    private List<String> shownLines = List.of();
    private BotChart pending;
    private BotChart shown;
    private double candleSeconds = 900;
    private boolean dirty;

    /** The selected bot's chart; the range picker sets how much history the model loads. */
    public CandleChartView(BotChartModel model) {
        this(model.chart(), model.range(), model.candles());
    }

    /** A chart of whatever {@code chart} holds, e.g. a backtest's candles and trades, all of it in view. */
    public CandleChartView(javafx.beans.value.ObservableValue<BotChart> chart) {
        this(chart, new SimpleObjectProperty<>(ChartRange.ALL), null);
    }

    /** @param candleLength the candle length asked for, or null for a chart without the timeframe picker */
    private CandleChartView(javafx.beans.value.ObservableValue<BotChart> chart, ObjectProperty<ChartRange> range,
                            ObjectProperty<ChartTimeframe> candleLength) {
        getStyleClass().add("candle-chart");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "chart-title-label");
        candles.setData(new CandleSeries(List.of()));
        CandleStickRenderer sticks = new CandleStickRenderer();
        sticks.setComputeLocalRange(false);
        sticks.setShowInLegend(false);  // the legend's room goes to the indicators and the marks
        sticks.getDatasets().add(candles);
        price.getRenderers().addAll(sticks, priceLines, levels.renderer(), marks.renderer());
        lower.getRenderers().add(lowerLines);
        y.setAutoRanging(false);
        x.setAutoRanging(false);
        lowerX.setAutoRanging(false);
        lower.setLegendVisible(true);
        lower.getStyleClass().add("lower-chart");
        tooltip = new ChartTooltip(marks, () -> shown, () -> candleSeconds);
        tools = new ChartTools(price, this, window, range, tooltip, crosshair, this::saveAs);
        if (candleLength != null) tools.timeframes(candleLength, chart);
        VBox.setVgrow(price, Priority.ALWAYS);
        // the oscillator gets a third of the height (at least 130 px) and never more: the candles come first; the
        // price chart prefers little and grows into the rest (ChartFX's own style sheet, which outranks values set in
        // code, would prefer 450 px and squeeze the oscillator instead, so these are set as the nodes' own style)
        lower.prefHeightProperty().bind(heightProperty().multiply(0.34));
        lower.setStyle("-fx-min-height: 130;");
        lower.setMaxHeight(Region.USE_PREF_SIZE);
        price.setStyle("-fx-min-height: 180; -fx-pref-height: 180;");
        // a title longer than the chart is wide ends in an ellipsis rather than widening it
        title.setMinWidth(0);
        tools.bar().setMinWidth(Region.USE_PREF_SIZE);
        // the tools go to a line of their own below the title when both do not fit
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(8, 2, title, tools.bar());
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        head.setPrefWrapLength(200);
        title.maxWidthProperty().bind(head.widthProperty().subtract(8));
        setMinWidth(0);
        getChildren().addAll(head, marks.aiNote(), price, lower);
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
        List<DataSet> sets = new ArrayList<>(List.of(candles));
        sets.addAll(marks.dataSets());
        sets.addAll(levels.dataSets());
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
            shown = null;
            title.setText(c == null ? emptyText : c.botId() + ": no candles yet");
            candles.setData(new CandleSeries(List.of()));
            candles.fireInvalidated(ChartBits.DataSetData);
            marks.clear();
            levels.show(null, 0, 0);
            return;
        }
        List<Candle> list = c.candles();
        long tf = ChartTimeframe.parse(c.timeframe()).millis();
        double[] times = new double[list.size()];
        for (int i = 0; i < times.length; i++) times[i] = list.get(i).openTime() / 1000.0;
        shown = c;
        candleSeconds = tf / 1000.0;
        candles.setData(new CandleSeries(list));
        candles.recomputeLimits(OhlcvDataSet.DIM_X);
        candles.fireInvalidated(ChartBits.DataSetData);
        lines(c.indicators(), times);
        marks.show(c.markers(), tf);
        levels.show(c, times[0] - candleSeconds / 2, times[times.length - 1] + candleSeconds);
        window.data(c, times, candleSeconds);
        String merged = c.timeframe().equals(c.botTimeframe()) ? "" : " (from " + c.botTimeframe() + ")";
        title.setText(c.botId() + "  ·  " + c.symbol() + " " + c.timeframe() + merged + "  ·  " + c.strategy() + "  ·  close "
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

    /** Saves what the chart shows now as a PNG file. FX thread. */
    public void savePng(Path file) throws IOException {
        ChartPng.write(this, file);
    }

    /** Asks where to save the chart as PNG and saves it there; says so in the title line if it cannot. */
    public void saveAs() {
        Path file = ChartPng.choose(getScene() == null ? null : getScene().getWindow(), shown == null ? null : shown.botId(),
                null);
        if (file == null) return;
        try {
            savePng(file);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(CandleChartView.class).warn("could not save the chart as {}", file, e);
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not save the chart as " + file + ": " + e.getMessage()).show();
        }
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
        return marks.fills();
    }

    /** AI-vetoed entries marked, for tests. */
    public int aiVetoCount() {
        return marks.vetoes();
    }

    /** The line that gives the latest AI veto's reason, for tests. */
    public Label aiNote() {
        return marks.aiNote();
    }

    public String title() {
        return title.getText();
    }

    /** The price chart itself, for tests that point at it. */
    public XYChart priceChart() {
        return price;
    }

    /** The time axis' ends in epoch seconds, for tests. */
    public double[] timeInView() {
        return window.shown();
    }

    /** The crosshair's label (time and price under the pointer), or "" while the pointer is off the chart. */
    public String crosshairText() {
        return crosshair.showing() ? crosshair.text() : "";
    }

    /** The tooltip's text, or "" while none is shown. */
    public String tooltipText() {
        return tooltip.text();
    }

    /** Where the shown level labels are in the scene, top to bottom, for tests. */
    public java.util.List<javafx.geometry.Bounds> levelLabelBounds() {
        return levels.labelBounds();
    }

    /** The labels of the entry, stop and take-profit lines (null for one not shown), for tests. */
    public String[] levelLabels() {
        return levels.labels();
    }
}
