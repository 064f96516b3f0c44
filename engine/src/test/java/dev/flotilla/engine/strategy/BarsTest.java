package dev.flotilla.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.num.DoubleNum;

class BarsTest {

    private static final long T0 = 1_767_225_600_000L;

    @Test
    void keepsTimesAndPricesOfEveryCandleInOrder() {
        var candles = List.of(
                new Candle(T0, 100, 102, 99, 101, 5),
                new Candle(T0 + 3_600_000, 101, 103, 100.5, 102.25, 7));

        var series = Bars.series("BTC/USDT 1h", Timeframe.H1, candles);

        assertThat(series.getName()).isEqualTo("BTC/USDT 1h");
        assertThat(series.getBarCount()).isEqualTo(2);
        var last = series.getLastBar();
        assertThat(last.getBeginTime()).isEqualTo(Instant.ofEpochMilli(T0 + 3_600_000));
        assertThat(last.getEndTime()).isEqualTo(Instant.ofEpochMilli(T0 + 7_200_000));
        assertThat(last.getTimePeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(last.getOpenPrice().doubleValue()).isEqualTo(101);
        assertThat(last.getHighPrice().doubleValue()).isEqualTo(103);
        assertThat(last.getLowPrice().doubleValue()).isEqualTo(100.5);
        assertThat(last.getClosePrice().doubleValue()).isEqualTo(102.25);
        assertThat(last.getVolume().doubleValue()).isEqualTo(7);
        assertThat(last.getClosePrice()).isInstanceOf(DoubleNum.class);
    }

    @Test
    void anEmptyFeedGivesAnEmptySeries() {
        assertThat(Bars.series("x", Timeframe.M15, List.of()).isEmpty()).isTrue();
    }

    @Test
    void rejectsCandlesOutOfOrder() {
        var candles = List.of(new Candle(T0 + 900_000, 1, 1, 1, 1, 1), new Candle(T0, 1, 1, 1, 1, 1));

        assertThatThrownBy(() -> Bars.series("x", Timeframe.M15, candles)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlidingWindowGivesTheBarsAFreshSeriesWouldAndConvertsEachCandleOnce() {
        List<Candle> candles = SyntheticMarket.candles(3, 400, 100, Timeframe.M15);
        Bars.Window window = new Bars.Window("w", Timeframe.M15);
        org.ta4j.core.BarSeries before = null;
        for (int end = 300; end <= 400; end++) {
            List<Candle> w = candles.subList(end - 300, end);
            var reused = window.series(w);
            var fresh = Bars.series("w", Timeframe.M15, w);
            assertThat(reused.getName()).isEqualTo("w");
            assertThat(reused.getBarCount()).isEqualTo(300);
            for (int i = 0; i < 300; i++) assertThat(reused.getBar(i)).isEqualTo(fresh.getBar(i));
            if (before != null) {
                assertThat(reused).isNotSameAs(before);
                assertThat(reused.getBar(0)).isSameAs(before.getBar(1));  // converted once, at the earlier close
            }
            before = reused;
        }
    }

    @Test
    void aWindowRejectsCandlesOutOfOrderAsASeriesDoes() {
        Bars.Window window = new Bars.Window("x", Timeframe.M15);
        window.series(List.of(new Candle(T0, 1, 1, 1, 1, 1), new Candle(T0 + 900_000, 1, 1, 1, 1, 1)));

        assertThatThrownBy(() -> window.series(List.of(new Candle(T0 + 900_000, 1, 1, 1, 1, 1), new Candle(T0, 1, 1, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
