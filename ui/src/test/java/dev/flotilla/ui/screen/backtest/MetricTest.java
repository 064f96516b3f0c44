package dev.flotilla.ui.screen.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void figuresReadAsATraderWritesThem() {
        RunFigures f = Sets.bot("ema-btc-15m", Map.of("fastPeriod", 9.0), 0.0523, 1.8734);
        assertThat(Metric.RETURN.text(f)).isEqualTo("+5.23%");
        assertThat(Metric.MAX_DRAWDOWN.text(f)).isEqualTo("4.00%");
        assertThat(Metric.DRAWDOWN_DAYS.text(f)).isEqualTo("3.5");
        assertThat(Metric.SHARPE.text(f)).isEqualTo("1.87");
        assertThat(Metric.WIN_RATE.text(f)).isEqualTo("50.00%");
        assertThat(Metric.TRADES.text(f)).isEqualTo("10");
        assertThat(Metric.AVERAGE_HOLD.text(f)).isEqualTo("5.3 h");
        assertThat(Metric.TIME_IN_MARKET.text(f)).isEqualTo("40.00%");
        assertThat(Metric.FEES.text(f)).isEqualTo("12.50");
        assertThat(Metric.FINAL_EQUITY.text(f)).isEqualTo("10,523.00");
        assertThat(Metric.BUY_AND_HOLD.text(f)).isEqualTo("+3.10%");
    }

    @Test
    void aFigureThatDoesNotExistReadsAsADash() {
        // no trade, a flat curve: no Sharpe, no win rate, no profit factor, no calmar, no holding time
        Performance flat = Performance.of(new long[] {0, 3_600_000}, new double[] {10_000, 10_000}, java.util.List.of(), 0, 86_400_000);
        RunFigures f = new RunFigures("idle", "rsi", "ETH/USDT", "1h", Map.of(), 10_000, 10_000, flat, Double.NaN);
        for (Metric m : new Metric[] {Metric.SHARPE, Metric.SORTINO, Metric.CALMAR, Metric.WIN_RATE, Metric.PROFIT_FACTOR,
                Metric.AVERAGE_HOLD, Metric.BUY_AND_HOLD}) {
            assertThat(m.text(f)).as(m.title()).isEqualTo("-");
        }
        assertThat(Metric.TRADES.text(f)).isEqualTo("0");
        assertThat(Metric.RETURN.text(f)).isEqualTo("0.00%");
    }

    @Test
    void holdingTimesAreInMinutesHoursOrDays() {
        assertThat(Metric.duration(45 * 60_000.0)).isEqualTo("45 min");
        assertThat(Metric.duration(30 * 3_600_000.0)).isEqualTo("30.0 h");
        assertThat(Metric.duration(72 * 3_600_000.0)).isEqualTo("3.0 d");
    }

    @Test
    void aSweepsRankNamesItsMetric() {
        assertThat(Metric.ofRank("sharpe")).isEqualTo(Metric.SHARPE);
        assertThat(Metric.ofRank("Calmar")).isEqualTo(Metric.CALMAR);
        assertThat(Metric.ofRank("return")).isEqualTo(Metric.RETURN);
    }
}
