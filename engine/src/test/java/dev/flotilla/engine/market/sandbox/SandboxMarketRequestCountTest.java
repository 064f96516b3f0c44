package dev.flotilla.engine.market.sandbox;

import static dev.flotilla.engine.market.sandbox.TestClock.DAY;
import static dev.flotilla.engine.market.sandbox.TestClock.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxMarketRequestCountTest {
    private static final Feed SOL_1H = new Feed(new Symbol("SOL", "USDT"), Timeframe.H1);
    private static final Feed BTC_4H = new Feed(new Symbol("BTC", "USDT"), Timeframe.H4);

    @Test
    void eachCallIsOneRequestHoweverMuchItReturns() {
        SandboxMarket market = new SandboxMarket(1, ORIGIN, new TestClock(ORIGIN + 30 * DAY).clock);
        assertThat(market.requestCount()).isZero();

        market.closedCandles(SOL_1H, ORIGIN, Long.MAX_VALUE, 10_000);
        market.closedCandles(SOL_1H, ORIGIN, ORIGIN, 10);
        market.closedCandles(SOL_1H, ORIGIN, Long.MAX_VALUE, 0);
        market.closedCandles(BTC_4H, ORIGIN, Long.MAX_VALUE, 1);
        market.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);
        market.lastPrices(List.of());
        market.tickSize(SOL_1H.symbol());

        assertThat(market.candleRequestCount(SOL_1H)).isEqualTo(3);
        assertThat(market.candleRequestCount(BTC_4H)).isEqualTo(1);
        assertThat(market.candleRequestCount(new Feed(SOL_1H.symbol(), Timeframe.M15))).isZero();
        assertThat(market.candleRequestCount()).isEqualTo(4);
        assertThat(market.priceRequestCount()).isEqualTo(2);
        assertThat(market.requestCount()).isEqualTo(6);
    }

    @Test
    void rejectedCallsAreStillRequests() {
        SandboxMarket market = new SandboxMarket(1, ORIGIN, new TestClock(ORIGIN + DAY).clock);
        assertThatThrownBy(() -> market.lastPrices(List.of(new Symbol("PEPE", "USDT"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> market.closedCandles(SOL_1H, ORIGIN, ORIGIN + DAY, -5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(market.priceRequestCount()).isEqualTo(1);
        assertThat(market.candleRequestCount(SOL_1H)).isEqualTo(1);
    }

    @Test
    void countsStayExactUnderConcurrentCalls() throws Exception {
        SandboxMarket market = new SandboxMarket(1, ORIGIN, new TestClock(ORIGIN + 10 * DAY).clock);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 250; i++) {
                        market.closedCandles(i % 2 == 0 ? SOL_1H : BTC_4H, ORIGIN, Long.MAX_VALUE, 50);
                        market.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
        }
        assertThat(market.candleRequestCount(SOL_1H)).isEqualTo(1_000);
        assertThat(market.candleRequestCount(BTC_4H)).isEqualTo(1_000);
        assertThat(market.priceRequestCount()).isEqualTo(2_000);
        assertThat(market.requestCount()).isEqualTo(4_000);
    }
}
