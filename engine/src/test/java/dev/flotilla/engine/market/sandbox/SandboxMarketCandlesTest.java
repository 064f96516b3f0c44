package dev.flotilla.engine.market.sandbox;

import static dev.flotilla.engine.market.sandbox.TestClock.DAY;
import static dev.flotilla.engine.market.sandbox.TestClock.HOUR;
import static dev.flotilla.engine.market.sandbox.TestClock.MINUTE;
import static dev.flotilla.engine.market.sandbox.TestClock.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxMarketCandlesTest {
    private static final Symbol SOL = new Symbol("SOL", "USDT");
    private static final long END = ORIGIN + 10 * DAY;

    private static Candle aggregate(List<Candle> parts) {
        double high = parts.stream().mapToDouble(Candle::high).max().orElseThrow();
        double low = parts.stream().mapToDouble(Candle::low).min().orElseThrow();
        double volume = 0;
        for (Candle part : parts) volume += part.volume();
        Candle first = parts.getFirst();
        return new Candle(first.openTime(), first.open(), high, low, parts.getLast().close(), volume);
    }

    private static void assertEachIsTheAggregateOfFour(List<Candle> big, List<Candle> small) {
        assertThat(small).hasSize(big.size() * 4);
        for (int i = 0; i < big.size(); i++) {
            assertThat(big.get(i)).isEqualTo(aggregate(small.subList(4 * i, 4 * i + 4)));
        }
    }

    @Test
    void largerTimeframesAreExactAggregatesOfSmallerOnes() {
        SandboxMarket market = new SandboxMarket(3, ORIGIN, new TestClock(END).clock);
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            List<Candle> m15 = market.closedCandles(new Feed(symbol, Timeframe.M15), ORIGIN, END, 10_000);
            List<Candle> h1 = market.closedCandles(new Feed(symbol, Timeframe.H1), ORIGIN, END, 10_000);
            List<Candle> h4 = market.closedCandles(new Feed(symbol, Timeframe.H4), ORIGIN, END, 10_000);
            assertThat(h4).hasSize(60);
            assertEachIsTheAggregateOfFour(h1, m15);
            assertEachIsTheAggregateOfFour(h4, h1);
        }
    }

    @Test
    void candlesAreAlignedContiguousAndOnTicks() {
        SandboxMarket market = new SandboxMarket(3, ORIGIN, new TestClock(END).clock);
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            BigDecimal tick = market.tickSize(symbol);
            for (Timeframe tf : Timeframe.values()) {
                List<Candle> candles = market.closedCandles(new Feed(symbol, tf), ORIGIN, END, 10_000);
                for (int i = 0; i < candles.size(); i++) {
                    Candle c = candles.get(i);
                    assertThat(c.openTime()).isEqualTo(ORIGIN + i * tf.millis());
                    for (double price : new double[] {c.open(), c.high(), c.low(), c.close()}) {
                        assertThat(BigDecimal.valueOf(price).remainder(tick)).as("%s on %s", price, tick).isZero();
                    }
                }
            }
        }
    }

    @Test
    void neverServesACandleThatClosesAfterTheClock() {
        TestClock clock = new TestClock(ORIGIN + 2 * DAY + 10 * HOUR + 37 * MINUTE + 12_345);
        SandboxMarket market = new SandboxMarket(5, ORIGIN, clock.clock);
        Feed feed = new Feed(SOL, Timeframe.H4);

        List<Candle> before = market.closedCandles(feed, ORIGIN, Long.MAX_VALUE, 1_000);
        assertThat(before).hasSize(14);
        assertThat(before.getLast().closeTime(Timeframe.H4)).isEqualTo(ORIGIN + 2 * DAY + 8 * HOUR);
        assertThat(before).allSatisfy(c -> assertThat(c.closeTime(Timeframe.H4)).isLessThanOrEqualTo(clock.now()));
        market.lastPrices(List.of(SOL));
        assertThat(market.closedCandles(feed, ORIGIN, Long.MAX_VALUE, 1_000)).isEqualTo(before);

        clock.set(ORIGIN + 2 * DAY + 12 * HOUR - 1);
        assertThat(market.closedCandles(feed, ORIGIN, Long.MAX_VALUE, 1_000)).isEqualTo(before);

        clock.set(ORIGIN + 2 * DAY + 12 * HOUR);
        List<Candle> after = market.closedCandles(feed, ORIGIN, Long.MAX_VALUE, 1_000);
        assertThat(after).hasSize(15).startsWith(before.toArray(Candle[]::new));
        SandboxMarket hindsight = new SandboxMarket(5, ORIGIN, new TestClock(END).clock);
        Candle revealed = after.getLast();
        assertThat(revealed).isEqualTo(hindsight.closedCandles(feed, revealed.openTime(), END, 1).getFirst());
    }

    @Test
    void closedByBeforeTheClockCutsTheSeriesThere() {
        SandboxMarket market = new SandboxMarket(5, ORIGIN, new TestClock(END).clock);
        long closedBy = ORIGIN + 5 * HOUR + 59 * MINUTE;
        List<Candle> candles = market.closedCandles(new Feed(SOL, Timeframe.H1), ORIGIN, closedBy, 100);
        assertThat(candles).extracting(Candle::openTime)
                .containsExactly(ORIGIN, ORIGIN + HOUR, ORIGIN + 2 * HOUR, ORIGIN + 3 * HOUR, ORIGIN + 4 * HOUR);
    }

    @Test
    void limitKeepsTheEarliestCandlesFromTheRequestedOpenTime() {
        SandboxMarket market = new SandboxMarket(5, ORIGIN, new TestClock(END).clock);
        Feed feed = new Feed(SOL, Timeframe.M15);
        List<Candle> all = market.closedCandles(feed, ORIGIN, END, 100_000);
        // a start between two opens begins with the next open
        List<Candle> some = market.closedCandles(feed, ORIGIN + DAY + 1, END, 3);
        assertThat(some).containsExactlyElementsOf(all.subList(97, 100));
        assertThat(market.closedCandles(feed, ORIGIN, END, 0)).isEmpty();
        assertThat(market.closedCandles(feed, END, END, 10)).isEmpty();
    }

    @Test
    void candlesStartingBeforeTheOriginAreNotServed() {
        long origin = ORIGIN + 7 * MINUTE + 30_000;
        SandboxMarket market = new SandboxMarket(5, origin, new TestClock(END).clock);
        assertThat(market.closedCandles(new Feed(SOL, Timeframe.M15), 0, END, 1).getFirst().openTime())
                .isEqualTo(ORIGIN + 15 * MINUTE);
        assertThat(market.closedCandles(new Feed(SOL, Timeframe.H1), 0, END, 1).getFirst().openTime())
                .isEqualTo(ORIGIN + HOUR);
        assertThat(market.closedCandles(new Feed(SOL, Timeframe.H4), Long.MIN_VALUE, END, 1).getFirst().openTime())
                .isEqualTo(ORIGIN + 4 * HOUR);
        assertThat(market.closedCandles(new Feed(SOL, Timeframe.H4), Long.MIN_VALUE, Long.MIN_VALUE, 1)).isEmpty();
        assertThat(new SandboxMarket(5, origin, new TestClock(origin + 5 * MINUTE).clock)
                .closedCandles(new Feed(SOL, Timeframe.M15), 0, END, 10)).isEmpty();
    }

    @Test
    void rejectsSymbolsItDoesNotTradeNamingTheOnesItDoes() {
        SandboxMarket market = new SandboxMarket(5, ORIGIN, new TestClock(END).clock);
        Symbol pepe = new Symbol("PEPE", "USDT");
        assertThatThrownBy(() -> market.closedCandles(new Feed(pepe, Timeframe.H1), ORIGIN, END, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEPE/USDT")
                .hasMessageContaining("BTC/USDT")
                .hasMessageContaining("ATOM/USDT");
        assertThatThrownBy(() -> market.lastPrices(List.of(SOL, pepe))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> market.tickSize(new Symbol("BTC", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> market.closedCandles(new Feed(SOL, Timeframe.H1), ORIGIN, END, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultSymbolsAreTheThirteenOfTheFleetInOrder() {
        assertThat(SandboxMarket.DEFAULT_SYMBOLS).extracting(Symbol::base).containsExactly(
                "BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "DOGE", "AVAX", "LINK", "DOT", "LTC", "TRX", "ATOM");
        assertThat(SandboxMarket.DEFAULT_SYMBOLS).extracting(Symbol::quote).containsOnly("USDT");
        assertThat(new SandboxMarket(1, ORIGIN, () -> ORIGIN).name()).isEqualTo("sandbox");
    }
}
