package dev.flotilla.engine.market.sandbox;

import static dev.flotilla.engine.market.sandbox.TestClock.DAY;
import static dev.flotilla.engine.market.sandbox.TestClock.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Timeframe;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sixty days of every symbol behave like a plausible market, for a few seeds. */
class SandboxMarketStatisticsTest {
    private static final long END = ORIGIN + 60 * DAY;

    private static List<Candle> candles(SandboxMarket market, SymbolProfile profile, Timeframe tf) {
        return market.closedCandles(new Feed(profile.symbol(), tf), ORIGIN, END, 100_000);
    }

    private static double standardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) mean += v / values.length;
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double[] logReturns(List<Candle> candles, int step) {
        double[] returns = new double[(candles.size() - 1) / step];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = Math.log(candles.get((i + 1) * step).close() / candles.get(i * step).close());
        }
        return returns;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_250_101})
    void everyMinuteAggregateIsAValidPositiveBar(long seed) {
        SandboxMarket market = new SandboxMarket(seed, ORIGIN, new TestClock(END).clock);
        for (SymbolProfile profile : SymbolProfile.DEFAULTS) {
            List<Candle> candles = candles(market, profile, Timeframe.M15);
            assertThat(candles).hasSize(60 * 96);
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                assertThat(c.low()).isPositive().isLessThanOrEqualTo(Math.min(c.open(), c.close()));
                assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
                assertThat(c.volume()).isPositive();
                if (i > 0) assertThat(c.open()).isEqualTo(candles.get(i - 1).close());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_250_101})
    void realizedVolatilityIsNearTheTarget(long seed) {
        SandboxMarket market = new SandboxMarket(seed, ORIGIN, new TestClock(END).clock);
        for (SymbolProfile profile : SymbolProfile.DEFAULTS) {
            List<Candle> hourly = candles(market, profile, Timeframe.H1);
            double intraday = standardDeviation(logReturns(hourly, 1)) * Math.sqrt(24);
            // day to day the trends add to the noise, so allow more above the target
            double daily = standardDeviation(logReturns(hourly, 24));
            assertThat(intraday / profile.dailyVol()).as("%s hourly, scaled to a day", profile.symbol())
                    .isBetween(0.75, 1.35);
            assertThat(daily / profile.dailyVol()).as("%s daily", profile.symbol()).isBetween(0.6, 2.2);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_250_101})
    void trendsBothWaysAndStaysNearItsLevel(long seed) {
        SandboxMarket market = new SandboxMarket(seed, ORIGIN, new TestClock(END).clock);
        for (SymbolProfile profile : SymbolProfile.DEFAULTS) {
            List<Candle> h4 = candles(market, profile, Timeframe.H4);
            assertThat(h4).allSatisfy(c -> {
                assertThat(c.low()).isGreaterThan(0.3 * profile.startPrice());
                assertThat(c.high()).isLessThan(3 * profile.startPrice());
            });
            // a trend: over two days, a net move of at least two daily sigmas that is mostly one-directional
            boolean up = false;
            boolean down = false;
            for (int i = 12; i < h4.size(); i++) {
                double net = Math.log(h4.get(i).close() / h4.get(i - 12).close());
                double path = 0;
                for (int j = i - 11; j <= i; j++) path += Math.abs(Math.log(h4.get(j).close() / h4.get(j - 1).close()));
                boolean trending = Math.abs(net) >= 2 * profile.dailyVol() && Math.abs(net) >= 0.4 * path;
                up |= trending && net > 0;
                down |= trending && net < 0;
            }
            assertThat(up).as("%s trends up somewhere", profile.symbol()).isTrue();
            assertThat(down).as("%s trends down somewhere", profile.symbol()).isTrue();
        }
    }
}
