package dev.flotilla.ui.screen.chart;

import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import javafx.util.StringConverter;

/** ChartFX's crosshair, its label giving the time (UTC) and the price under the pointer as the console writes them. */
final class PriceCrosshair extends CrosshairIndicator {

    PriceCrosshair() {
        setXValueFormatter(formatter(v -> Fmt.minute(Math.round(v * 1000)) + " UTC"));
        setYValueFormatter(formatter(Fmt::price));
    }

    /** What the label says now, for tests. */
    String text() {
        return coordinatesLabel.getText();
    }

    boolean showing() {
        return getChartChildren().contains(coordinatesLabel);
    }

    private static StringConverter<Number> formatter(java.util.function.DoubleFunction<String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : f.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("a crosshair label is not read back");
            }
        };
    }
}
