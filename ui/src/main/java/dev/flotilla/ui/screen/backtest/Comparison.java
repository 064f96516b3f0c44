package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.model.RunFigures;
import java.util.ArrayList;
import java.util.List;

/** Two runs' figures side by side, metric by metric, with the better of the two marked. */
public final class Comparison {

    /**
     * @param better -1 when run A is better, 1 when run B is, 0 when they are equal or it cannot be said
     */
    public record Row(Metric metric, String a, String b, int better) {
    }

    private Comparison() {
    }

    public static List<Row> of(RunFigures a, RunFigures b) {
        List<Row> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            double x = m.value(a);
            double y = m.value(b);
            int better = 0;
            if (m != Metric.TRADES && m != Metric.BUY_AND_HOLD && m != Metric.FINAL_EQUITY && m != Metric.TIME_IN_MARKET
                    && Double.isFinite(x) && Double.isFinite(y) && x != y) {
                better = (x > y) == m.higherIsBetter() ? -1 : 1;
            }
            rows.add(new Row(m, m.format(x), m.format(y), better));
        }
        return rows;
    }
}
