package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/** Turns a feed's closed candles into the bar series every bot on that feed evaluates. */
public final class Bars {

    private Bars() {
    }

    /**
     * Builds a series from closed candles, oldest first. DoubleNum because indicator math needs speed, not
     * decimal exactness; money is never computed from it. ta4j rejects a candle that does not close after the
     * one before it, so a disordered or duplicated feed fails here rather than giving silent nonsense.
     */
    public static BarSeries series(String name, Timeframe tf, List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(name)
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration period = Duration.ofMillis(tf.millis());
        for (Candle c : candles) {
            series.barBuilder()
                    .timePeriod(period)
                    .beginTime(Instant.ofEpochMilli(c.openTime()))
                    .endTime(Instant.ofEpochMilli(c.closeTime(tf)))
                    .openPrice(c.open())
                    .highPrice(c.high())
                    .lowPrice(c.low())
                    .closePrice(c.close())
                    .volume(c.volume())
                    .add();
        }
        return series;
    }

    /**
     * One feed's window of bars, converted once each. Every candle close slides the window by one candle, and
     * converting all of it again for each close was a third of what the engine allocated; here only candles not
     * seen before are converted (by {@link #series}, so each bar is exactly what it would build), and every call
     * still returns a new series, since indicators keep their values per series. Used by one thread.
     */
    public static final class Window {

        private final String name;
        private final Timeframe tf;
        private List<Candle> candles = List.of();
        private List<Bar> bars = List.of();

        public Window(String name, Timeframe tf) {
            this.name = name;
            this.tf = tf;
        }

        /** The series of these closed candles, oldest first; a candle that does not close after the one before fails. */
        public BarSeries series(List<Candle> window) {
            List<Bar> out = new ArrayList<>(window.size());
            List<Candle> fresh = new ArrayList<>();
            int j = 0;
            for (Candle c : window) {
                while (j < candles.size() && candles.get(j).openTime() < c.openTime()) j++;
                boolean known = j < candles.size() && candles.get(j).equals(c);
                out.add(known ? bars.get(j) : null);
                if (!known) fresh.add(c);
            }
            if (!fresh.isEmpty()) {
                BarSeries converted = Bars.series(name, tf, fresh);
                for (int i = 0, k = 0; i < out.size(); i++) if (out.get(i) == null) out.set(i, converted.getBar(k++));
            }
            for (int i = 1; i < out.size(); i++) {
                if (!out.get(i).getEndTime().isAfter(out.get(i - 1).getEndTime())) {
                    throw new IllegalArgumentException("a bar of " + name + " does not close after the one before it: "
                            + out.get(i).getEndTime() + " after " + out.get(i - 1).getEndTime());
                }
            }
            candles = List.copyOf(window);
            bars = out;
            return new BaseBarSeriesBuilder().withName(name).withNumFactory(DoubleNumFactory.getInstance())
                    .withBars(out).build();
        }
    }
}
