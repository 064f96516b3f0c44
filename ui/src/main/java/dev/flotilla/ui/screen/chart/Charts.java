package dev.flotilla.ui.screen.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import dev.flotilla.ui.Fmt;
import java.util.Arrays;
import javafx.util.StringConverter;

/** The ChartFX pieces the console's charts share: UTC time axes, price axes on the right, plain renderers. */
final class Charts {

    private Charts() {
    }

    static DefaultNumericAxis timeAxis() {
        DefaultNumericAxis x = new DefaultNumericAxis("time", "UTC");
        x.setTimeAxis(true);
        x.setAutoRangeRounding(false);
        x.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        return x;
    }

    static DefaultNumericAxis valueAxis(String name, String unit) {
        DefaultNumericAxis y = new DefaultNumericAxis(name, unit);
        y.setSide(Side.RIGHT);
        y.setAutoRangeRounding(false);
        y.setAutoUnitScaling(false);
        y.setForceZeroInRange(false);
        // plain grouped numbers (452,250 or 0.2605), never 4.5E5
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : Fmt.price(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
        return y;
    }

    static XYChart chart(DefaultNumericAxis x, DefaultNumericAxis y) {
        XYChart chart = new XYChart(x, y);
        y.setSide(Side.RIGHT);  // prices on the right, as traders read them; the chart would put it left
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getRenderers().clear();
        chart.getStyleClass().add("console-chart");
        return chart;
    }

    /** Lines without markers. */
    static ErrorDataSetRenderer lines() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setPointReduction(false);
        return r;
    }

    /** Markers without lines. */
    static ErrorDataSetRenderer markers() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(true);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setPointReduction(false);
        return r;
    }

    static DoubleDataSet dataSet(String name, String styleClass) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.addStyleClasses(styleClass);
        return ds;
    }

    /**
     * Whether the data sets may be written now. A chart holds its data sets' read locks from its pre-layout to
     * its post-layout; after a node joins a scene outside a pulse (a window being shown) that spans until the
     * next pulse, and a write on the FX thread would wait for itself. Views then try again at the next pulse.
     */
    static boolean writable(DataSet... sets) {
        for (DataSet d : sets) {
            if (d.lock() instanceof DefaultDataSetLock<?> l && l.getReaderCount() > 0) return false;
        }
        return true;
    }

    /** Sets the finite points of x/y (NaN marks an unstable indicator bar and is left out). */
    static void setFinite(DoubleDataSet ds, double[] x, double[] y) {
        int n = 0;
        double[] fx = new double[x.length];
        double[] fy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                fx[n] = x[i];
                fy[n] = y[i];
                n++;
            }
        }
        ds.set(Arrays.copyOf(fx, n), Arrays.copyOf(fy, n));
    }
}
