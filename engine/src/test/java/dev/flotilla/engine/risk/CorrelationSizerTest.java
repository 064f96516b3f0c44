package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100% of the size for an asset uncorrelated with what is held, 25% for a perfectly correlated one. */
@OnBothStores
class CorrelationSizerTest {

    static final Symbol BTC = Symbol.parse("BTC/USDT");
    static final Symbol ETH = Symbol.parse("ETH/USDT");
    static final Symbol SOL = Symbol.parse("SOL/USDT");

    @TempDir
    Path dir;

    /** Candles closing every {@code tf} up to T0, each close moved from the last by the log return {@code r(i)}. */
    static List<Candle> path(Timeframe tf, int n, IntToDoubleFunction r) {
        List<Candle> out = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < n; i++) {
            close *= Math.exp(r.applyAsDouble(i));
            long open = T0 - (long) (n - i) * tf.millis();
            out.add(new Candle(open, close, close, close, close, 1));
        }
        return out;
    }

    static final class History implements PriceHistory {
        final Map<String, List<Candle>> candles = new HashMap<>();

        History with(Symbol s, Timeframe tf, List<Candle> c) {
            candles.put(s + " " + tf, c);
            return this;
        }

        @Override
        public List<Candle> candles(Symbol symbol, Timeframe timeframe) {
            return candles.getOrDefault(symbol + " " + timeframe, List.of());
        }
    }

    /** +1%, -1%, +1%, -1% ... and +1%, +1%, -1%, -1% ...: over whole cycles their correlation is exactly 0. */
    static final IntToDoubleFunction ZIGZAG = i -> i % 2 == 0 ? 0.01 : -0.01;
    static final IntToDoubleFunction PAIRS = i -> i % 4 < 2 ? 0.01 : -0.01;

    private static TreeMap<Symbol, BigDecimal> held(Symbol s, String value) {
        TreeMap<Symbol, BigDecimal> m = new TreeMap<>();
        m.put(s, new BigDecimal(value));
        return m;
    }

    @Test
    void anUncorrelatedAssetGetsItsFullSize() {
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 200, ZIGZAG))
                .with(ETH, Timeframe.H1, path(Timeframe.H1, 200, PAIRS));
        CorrelationSizer.Result r = new CorrelationSizer(h).size(ETH, held(BTC, "5000"));
        assertThat(r.correlation()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.factor()).isEqualByComparingTo("1");
        assertThat(r.returns()).isEqualTo(CorrelationSizer.WINDOW);
    }

    @Test
    void aPerfectlyCorrelatedAssetGetsAQuarter() {
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 200, ZIGZAG))
                .with(ETH, Timeframe.H1, path(Timeframe.H1, 200, i -> 2 * ZIGZAG.applyAsDouble(i)));
        assertThat(new CorrelationSizer(h).size(ETH, held(BTC, "5000")).factor()).isEqualByComparingTo("0.25");
        // the same asset as the one held is perfectly correlated with it
        assertThat(new CorrelationSizer(h).size(BTC, held(BTC, "5000")).factor()).isEqualByComparingTo("0.25");
    }

    @Test
    void gapsInTheLatestCandlesMakeTheSizerLookFurtherBackForCommonInstants() {
        List<Candle> gappy = new ArrayList<>(path(Timeframe.H1, 200, i -> 2 * ZIGZAG.applyAsDouble(i)));
        for (int i = gappy.size() - 1; i >= 80; i -= 2) gappy.remove(i);  // every other hour missing for the last 120
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 200, ZIGZAG)).with(ETH, Timeframe.H1, gappy);
        CorrelationSizer.Result r = new CorrelationSizer(h).size(ETH, held(BTC, "5000"));
        assertThat(r.returns()).isEqualTo(CorrelationSizer.WINDOW);  // 49 common closes span 98 hours
    }

    @Test
    void negativeCorrelationDoesNotShrinkAndPartialCorrelationShrinksInBetween() {
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 200, ZIGZAG))
                .with(ETH, Timeframe.H1, path(Timeframe.H1, 200, i -> -ZIGZAG.applyAsDouble(i)))
                .with(SOL, Timeframe.H1, path(Timeframe.H1, 200, i -> ZIGZAG.applyAsDouble(i) + PAIRS.applyAsDouble(i)));
        CorrelationSizer sizer = new CorrelationSizer(h);
        assertThat(sizer.size(ETH, held(BTC, "5000")).factor()).isEqualByComparingTo("1");
        CorrelationSizer.Result partial = sizer.size(SOL, held(BTC, "5000"));
        assertThat(partial.correlation()).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(partial.factor()).isEqualByComparingTo(CorrelationSizer.factor(partial.correlation()))
                .isGreaterThan(new BigDecimal("0.25")).isLessThan(BigDecimal.ONE);
    }

    @Test
    void candlesOfDifferentTimeframesAreComparedOnTheCoarsestGrid() {
        // ETH has only 4h candles; SOL has 15m candles of a path whose every 16th close is ETH's
        List<Candle> fine = path(Timeframe.M15, 16 * 60, i -> i % 32 < 16 ? 0.002 : -0.0015);
        List<Candle> coarse = new ArrayList<>();
        for (int i = 15; i < fine.size(); i += 16) {
            Candle c = fine.get(i);
            coarse.add(new Candle(c.closeTime(Timeframe.M15) - Timeframe.H4.millis(), c.close(), c.close(), c.close(), c.close(), 1));
        }
        History h = new History().with(SOL, Timeframe.M15, fine).with(ETH, Timeframe.H4, coarse);
        CorrelationSizer.Result r = new CorrelationSizer(h).size(SOL, held(ETH, "1000"));
        assertThat(r.returns()).isEqualTo(CorrelationSizer.WINDOW);
        assertThat(r.factor()).isEqualByComparingTo("0.25");
    }

    @Test
    void withNothingHeldOrTooLittleHistoryTheSizeIsKept() {
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 5, ZIGZAG))
                .with(ETH, Timeframe.H1, path(Timeframe.H1, 5, ZIGZAG));
        assertThat(new CorrelationSizer(h).size(ETH, new TreeMap<>()).factor()).isEqualByComparingTo("1");
        assertThat(new CorrelationSizer(h).size(ETH, held(BTC, "1000")).factor()).isEqualByComparingTo("1");
        assertThat(new CorrelationSizer(PriceHistory.NONE).size(ETH, held(BTC, "1000")).factor()).isEqualByComparingTo("1");
    }

    @Test
    void theGatewayCutsAnEntryCorrelatedWithHeldExposureToAQuarter() {
        History h = new History().with(BTC, Timeframe.H1, path(Timeframe.H1, 200, ZIGZAG))
                .with(ETH, Timeframe.H1, path(Timeframe.H1, 200, i -> 3 * ZIGZAG.applyAsDouble(i)))
                .with(SOL, Timeframe.H1, path(Timeframe.H1, 200, PAIRS));
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT", "SOL/USDT"), h)) {
            f.prices("BTC/USDT", "100", "ETH/USDT", "100", "SOL/USDT", "100");
            assertThat(f.review(T0 + HOUR, f.entry("a", "10", "100")).getFirst().qty()).isEqualByComparingTo("10");
            List<Intent> eth = f.review(T0 + HOUR, f.entry("b", "10", "100"));
            assertThat(eth.getFirst().qty()).isEqualByComparingTo("2.5");
            assertThat(eth.getFirst().reason()).contains("size x0.25 for correlation 1.00");
            // SOL is uncorrelated with BTC, and uncorrelated with ETH, which moves like BTC
            assertThat(f.review(T0 + HOUR, f.entry("c", "10", "100")).getFirst().qty()).isEqualByComparingTo("10");
        }
    }
}
