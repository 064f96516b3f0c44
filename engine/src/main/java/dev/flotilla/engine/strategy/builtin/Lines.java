package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.strategy.IndicatorLine;
import dev.flotilla.strategy.IndicatorLine.Panel;
import java.util.Arrays;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Turns ta4j indicators into chart lines: a value per bar, NaN while the indicator is still unstable. */
final class Lines {

    private Lines() {
    }

    static IndicatorLine price(String name, Indicator<Num> indicator) {
        return new IndicatorLine(name, Panel.PRICE, values(indicator));
    }

    static IndicatorLine lower(String name, Indicator<Num> indicator) {
        return new IndicatorLine(name, Panel.LOWER, values(indicator));
    }

    /** A horizontal level in the lower panel, such as an RSI threshold. */
    static IndicatorLine level(String name, BarSeries series, double value) {
        double[] v = new double[series.getBarCount()];
        Arrays.fill(v, value);
        return new IndicatorLine(name, Panel.LOWER, v);
    }

    private static double[] values(Indicator<Num> indicator) {
        BarSeries series = indicator.getBarSeries();
        int begin = series.getBeginIndex();
        double[] v = new double[series.getBarCount()];
        int unstable = indicator.getCountOfUnstableBars();
        for (int i = 0; i < v.length; i++) {
            v[i] = i < unstable ? Double.NaN : indicator.getValue(begin + i).doubleValue();
        }
        return v;
    }
}
