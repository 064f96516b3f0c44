package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.TradeMarker;
import dev.flotilla.engine.model.Side;
import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A chart's trade marks: entries (up triangles), exits and stop-loss exits (down triangles), AI vetoes (crosses),
 * each drawn on the candle during which it happened, and the line above the chart that gives the latest veto's
 * reason. It remembers where each mark is drawn, for the tooltip that names its order.
 */
final class TradeMarks {

    /** A mark as drawn: x in seconds (its candle's open), y its price. */
    record Placed(double x, double y, TradeMarker mark) {
    }

    private final DoubleDataSet entries = Charts.dataSet("entries", "marker-entry");
    private final DoubleDataSet exits = Charts.dataSet("exits", "marker-exit");
    private final DoubleDataSet stopExits = Charts.dataSet("stop-loss exits", "marker-stop");
    private final DoubleDataSet aiVetoes = Charts.dataSet("AI vetoes", "marker-ai-veto");
    private final Label aiNote = new Label();
    private List<Placed> placed = List.of();

    TradeMarks() {
        aiNote.getStyleClass().addAll(Styles.TEXT_SMALL, "chart-ai-veto-note");
        aiNote.setId("chart-ai-veto-note");
        aiNote.setWrapText(true);
        aiNote.visibleProperty().bind(aiNote.textProperty().isNotEmpty());
        aiNote.managedProperty().bind(aiNote.visibleProperty());
    }

    ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer marks = Charts.markers();
        marks.addDataSet(entries).setUserMarkerType(TriangleMarker.UP);
        marks.addDataSet(exits).setUserMarkerType(TriangleMarker.DOWN);
        marks.addDataSet(stopExits).setUserMarkerType(TriangleMarker.DOWN);
        marks.addDataSet(aiVetoes).setUserMarkerType(CrossMarker.INSTANCE);
        return marks;
    }

    List<DataSet> dataSets() {
        return List.of(entries, exits, stopExits, aiVetoes);
    }

    Label aiNote() {
        return aiNote;
    }

    List<Placed> placed() {
        return placed;
    }

    /** @param tf the candle length in milliseconds */
    void show(List<TradeMarker> marks, long tf) {
        List<Placed> all = new ArrayList<>();
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        List<double[]> stopped = new ArrayList<>();
        List<double[]> vetoed = new ArrayList<>();
        List<TradeMarker> vetoes = new ArrayList<>();
        for (TradeMarker m : marks) {
            double[] point = {Math.floorDiv(m.time(), tf) * tf / 1000.0, m.price()};
            all.add(new Placed(point[0], point[1], m));
            if (m.aiVeto()) {
                vetoed.add(point);
                vetoes.add(m);
            } else if (m.side() == Side.BUY) in.add(point);
            else if ("STOP_LOSS".equals(m.purpose())) stopped.add(point);
            else out.add(point);
        }
        placed = List.copyOf(all);
        set(entries, in);
        set(exits, out);
        set(stopExits, stopped);
        set(aiVetoes, vetoed);
        aiNote(vetoes);
    }

    void clear() {
        show(List.of(), 1);
    }

    int fills() {
        return entries.getDataCount() + exits.getDataCount() + stopExits.getDataCount();
    }

    int vetoes() {
        return aiVetoes.getDataCount();
    }

    /** What a mark's tooltip says: what it was, when, at what price, its order, the order's reason and an exit's PnL. */
    static String describe(TradeMarker m) {
        StringBuilder s = new StringBuilder();
        s.append(m.aiVeto() ? "AI veto (entry not sent)" : m.side() == Side.BUY ? "Entry (buy)" : "Exit (sell), " + m.purpose());
        s.append('\n').append(Fmt.time(m.time())).append("\nprice ").append(Fmt.price(m.price()));
        if (m.clientOrderId() != null) s.append("\norder ").append(m.clientOrderId());
        if (m.note() != null && !m.note().isBlank()) s.append("\nreason ").append(m.note());
        if (m.pnl() != null) s.append("\nPnL ").append(Fmt.signedMoney(m.pnl())).append(" USDT (net of fees)");
        return s.toString();
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
        aiNote.setTooltip(new Tooltip(all.toString().strip()));
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
}
