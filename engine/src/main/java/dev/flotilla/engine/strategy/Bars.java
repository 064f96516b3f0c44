package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
}
