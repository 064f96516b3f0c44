package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Point2D;

/**
 * ChartFX's data-point tooltip, picking what a trader points at: a trade mark within a few pixels (its order, the
 * order's reason, an exit's PnL), else the candle under the pointer between its low and high (time, OHLCV).
 */
final class ChartTooltip extends DataPointTooltip {

    /** Pixels around a candle's wick that still count as on it. */
    private static final double SLACK = 3;

    private final TradeMarks marks;
    private final Supplier<BotChart> chart;
    private final Supplier<Double> candleSeconds;
    private String text = "";

    ChartTooltip(TradeMarks marks, Supplier<BotChart> chart, Supplier<Double> candleSeconds) {
        super(8);
        this.marks = marks;
        this.chart = chart;
        this.candleSeconds = candleSeconds;
    }

    @Override
    protected Optional<DataPoint> findNearestDataPointWithinPickingDistance(Point2D at) {
        Optional<DataPoint> found = find(at);
        text = found.map(p -> p.formattedLabel).orElse("");
        return found;
    }

    /** What the tooltip says now (empty when none is shown), for tests. */
    String text() {
        return text;
    }

    private Optional<DataPoint> find(Point2D at) {
        if (!(getChart() instanceof XYChart c)) return Optional.empty();
        Axis x = c.getXAxis();
        Axis y = c.getYAxis();
        TradeMarks.Placed best = null;
        double bestDistance = getPickingDistance();
        for (TradeMarks.Placed m : marks.placed()) {
            double d = Math.hypot(x.getDisplayPosition(m.x()) - at.getX(), y.getDisplayPosition(m.y()) - at.getY());
            if (d <= bestDistance) {
                best = m;
                bestDistance = d;
            }
        }
        if (best != null) {
            String label = TradeMarks.describe(best.mark());
            return Optional.of(new DataPoint(null, best.x(), best.y(), label, bestDistance).withFormattedLabel(label));
        }
        BotChart b = chart.get();
        if (b == null) return Optional.empty();
        double t = x.getValueForDisplay(at.getX());
        double step = candleSeconds.get();
        List<Candle> list = b.candles();
        int i = candleAt(list, t, step);
        if (i < 0) return Optional.empty();
        Candle k = list.get(i);
        double top = y.getDisplayPosition(k.high()) - SLACK;
        double bottom = y.getDisplayPosition(k.low()) + SLACK;
        if (at.getY() < top || at.getY() > bottom) return Optional.empty();
        String label = describe(k, b.timeframe());
        return Optional.of(new DataPoint(null, k.openTime() / 1000.0, k.close(), label, 0).withFormattedLabel(label));
    }

    /** The candle whose bar (its open time, plus or minus half a candle as drawn) holds {@code t}, or -1. */
    private static int candleAt(List<Candle> list, double t, double step) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double open = list.get(mid).openTime() / 1000.0;
            if (t < open - step / 2) hi = mid - 1;
            else if (t >= open + step / 2) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    static String describe(Candle k, String timeframe) {
        return Fmt.minute(k.openTime()) + " UTC, " + timeframe + "\nopen " + Fmt.price(k.open()) + "\nhigh " + Fmt.price(k.high())
                + "\nlow " + Fmt.price(k.low()) + "\nclose " + Fmt.price(k.close()) + "\nvolume " + Fmt.price(k.volume());
    }
}
