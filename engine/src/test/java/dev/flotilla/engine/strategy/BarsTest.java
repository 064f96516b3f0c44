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
    void aFeedsBarIsTheBarTa4jsBuilderMakesOfTheSameCandle() {
        var candles = List.of(new Candle(T0, 100, 102, 99, 101, 5), new Candle(T0 + 900_000, 101.5, 103.25, 100.125, 102.75, 7.5));
        var built = Bars.series("x", Timeframe.M15, candles);
        for (int i = 0; i < candles.size(); i++) {
            var direct = Bars.bar(Timeframe.M15, candles.get(i));
            var b = built.getBar(i);
            assertThat(List.of(direct.getTimePeriod(), direct.getBeginTime(), direct.getEndTime(), direct.getOpenPrice(),
                    direct.getHighPrice(), direct.getLowPrice(), direct.getClosePrice(), direct.getVolume(), direct.getAmount(),
                    direct.getTrades())).isEqualTo(List.of(b.getTimePeriod(), b.getBeginTime(), b.getEndTime(),
                    b.getOpenPrice(), b.getHighPrice(), b.getLowPrice(), b.getClosePrice(), b.getVolume(), b.getAmount(),
                    b.getTrades()));
        }
    }

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
    void aGrowingSeriesHoldsTheBarsAWholeSeriesWouldAndLetsGoOfTheOldestPastItsBound() {
        List<Candle> candles = SyntheticMarket.candles(3, 400, 100, Timeframe.M15);
        var growing = Bars.growing("g", 300);
        var whole = Bars.series("g", Timeframe.M15, candles);
        for (Candle c : candles) Bars.append(growing, Timeframe.M15, c);

        assertThat(growing.getName()).isEqualTo("g");
        assertThat(growing.getBarCount()).isEqualTo(300);
        assertThat(growing.getBeginIndex()).isEqualTo(100);
        assertThat(growing.newestIndex()).isEqualTo(399);  // indices keep counting from the first candle
        assertThat(growing.getEndIndex()).isEqualTo(400);  // one past: ta4j caches the newest bar like any other
        for (int i = 100; i < 400; i++) assertThat(growing.getBar(i)).isEqualTo(whole.getBar(i));
        assertThat(growing.getBar(399).getClosePrice()).isInstanceOf(DoubleNum.class);
    }

    @Test
    void aGrowingSeriesRejectsACandleThatDoesNotCloseAfterTheLastAsAWholeSeriesDoes() {
        var series = Bars.growing("x", Bars.MAX_BARS);
        Bars.append(series, Timeframe.M15, new Candle(T0 + 900_000, 1, 1, 1, 1, 1));

        assertThatThrownBy(() -> Bars.append(series, Timeframe.M15, new Candle(T0, 1, 1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bars.append(series, Timeframe.M15, new Candle(T0 + 900_000, 2, 2, 2, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(series.getBarCount()).isEqualTo(1);
    }
}
