package dev.flotilla.engine.market.sandbox;

import static dev.flotilla.engine.market.sandbox.TestClock.DAY;
import static dev.flotilla.engine.market.sandbox.TestClock.HOUR;
import static dev.flotilla.engine.market.sandbox.TestClock.MINUTE;
import static dev.flotilla.engine.market.sandbox.TestClock.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMarketPricesTest {
    private static final Symbol BTC = new Symbol("BTC", "USDT");
    private static final Symbol DOGE = new Symbol("DOGE", "USDT");

    @Test
    void lastPriceMovesWithinTheCurrentMinuteAndSitsOnATick() {
        TestClock clock = new TestClock(ORIGIN + 3 * DAY + 5 * HOUR + 17 * MINUTE);
        SandboxMarket market = new SandboxMarket(11, ORIGIN, clock.clock);
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            long minuteStart = clock.now() - clock.now() % MINUTE;
            MinuteBar bar = market.minuteAt(symbol, clock.now());
            BigDecimal tick = market.tickSize(symbol);
            List<BigDecimal> seen = new ArrayList<>();
            for (long offset : new long[] {0, 1, 15_000, 30_000, 45_000, 59_999}) {
                clock.set(minuteStart + offset);
                BigDecimal price = market.lastPrices(List.of(symbol)).get(symbol);
                assertThat(price.remainder(tick)).isZero();
                assertThat(price.scale()).isEqualTo(tick.scale());
                assertThat(price.doubleValue()).isBetween(bar.low(), bar.high());
                seen.add(price);
            }
            assertThat(seen.getFirst().doubleValue()).isEqualTo(bar.open());
            assertThat(seen.getLast().doubleValue()).isCloseTo(bar.close(), offset(tick.doubleValue()));
            clock.set(minuteStart);
        }
    }

    @Test
    void minutesAddUpToTheirCandle() {
        TestClock clock = new TestClock(ORIGIN + 2 * DAY);
        SandboxMarket market = new SandboxMarket(11, ORIGIN, clock.clock);
        Candle candle = market.closedCandles(new Feed(DOGE, Timeframe.M15), ORIGIN + DAY, clock.now(), 1).getFirst();
        double high = 0;
        double low = Double.MAX_VALUE;
        double volume = 0;
        for (int i = 0; i < 15; i++) {
            MinuteBar bar = market.minuteAt(DOGE, candle.openTime() + i * MINUTE);
            if (i == 0) assertThat(bar.open()).isEqualTo(candle.open());
            if (i == 14) assertThat(bar.close()).isEqualTo(candle.close());
            high = Math.max(high, bar.high());
            low = Math.min(low, bar.low());
            volume += bar.volume();
        }
        assertThat(high).isEqualTo(candle.high());
        assertThat(low).isEqualTo(candle.low());
        assertThat(volume).isEqualTo(candle.volume());
    }

    @Test
    void pricesAreAtRealisticLevelsInTheOrderAsked() {
        SandboxMarket market = new SandboxMarket(11, ORIGIN, new TestClock(ORIGIN + 1).clock);
        Map<Symbol, BigDecimal> prices = market.lastPrices(List.of(DOGE, BTC));
        assertThat(prices.keySet()).containsExactly(DOGE, BTC);
        assertThat(prices.get(BTC)).isBetween(new BigDecimal("90000"), new BigDecimal("100000"));
        assertThat(prices.get(DOGE)).isBetween(new BigDecimal("0.30"), new BigDecimal("0.34"));
    }

    @Test
    void beforeTheOriginThePriceIsTheStartingPrice() {
        SandboxMarket market = new SandboxMarket(11, ORIGIN, new TestClock(ORIGIN - DAY).clock);
        assertThat(market.lastPrices(List.of(BTC))).containsEntry(BTC, new BigDecimal("95000.00"));
    }

    @Test
    void tickSizesFollowTheExchange() {
        SandboxMarket market = new SandboxMarket(11, ORIGIN, () -> ORIGIN);
        assertThat(market.tickSize(BTC)).isEqualTo(new BigDecimal("0.01"));
        assertThat(market.tickSize(new Symbol("XRP", "USDT"))).isEqualTo(new BigDecimal("0.0001"));
        assertThat(market.tickSize(DOGE)).isEqualTo(new BigDecimal("0.00001"));
        assertThat(market.tickSize(new Symbol("LINK", "USDT"))).isEqualTo(new BigDecimal("0.001"));
    }
}
