package dev.flotilla.engine.market.sandbox;

import static dev.flotilla.engine.market.sandbox.TestClock.DAY;
import static dev.flotilla.engine.market.sandbox.TestClock.HOUR;
import static dev.flotilla.engine.market.sandbox.TestClock.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxMarketDeterminismTest {
    private static final long END = ORIGIN + 20 * DAY;

    private static List<Candle> all(SandboxMarket market, Feed feed) {
        return market.closedCandles(feed, ORIGIN, END, Integer.MAX_VALUE);
    }

    @Test
    void sameSeedGivesIdenticalCandlesWhateverTheOrderAndChunking() {
        SandboxMarket forward = new SandboxMarket(42, ORIGIN, new TestClock(END).clock);
        TestClock laterClock = new TestClock(ORIGIN + 3 * HOUR);
        SandboxMarket backward = new SandboxMarket(42, ORIGIN, laterClock.clock);

        // the second instance first asks for prices and late candles, then walks in odd chunks as time passes
        backward.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);
        laterClock.set(END);
        List<Symbol> reversed = new ArrayList<>(SandboxMarket.DEFAULT_SYMBOLS);
        Collections.reverse(reversed);
        for (Symbol symbol : reversed) {
            backward.closedCandles(new Feed(symbol, Timeframe.H4), END - 2 * DAY, END, 5);
        }
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            for (Timeframe tf : Timeframe.values()) {
                Feed feed = new Feed(symbol, tf);
                List<Candle> chunked = new ArrayList<>();
                long from = ORIGIN;
                while (true) {
                    List<Candle> chunk = backward.closedCandles(feed, from, END, 37);
                    if (chunk.isEmpty()) break;
                    chunked.addAll(chunk);
                    from = chunk.getLast().closeTime(tf);
                }
                assertThat(chunked).as(feed.toString()).isEqualTo(all(forward, feed));
            }
        }
    }

    @Test
    void pricesAreTheSameWhateverOrderTheyAreAskedIn() {
        // one market is asked every 10 s, forward, as the mark-to-market loop does; each of the others is asked once
        TestClock steady = new TestClock(ORIGIN + DAY);
        SandboxMarket market = new SandboxMarket(42, ORIGIN, steady.clock);
        List<Long> times = new ArrayList<>();
        for (long t = ORIGIN + DAY; t < ORIGIN + DAY + 2 * HOUR; t += 10_000) times.add(t);
        List<java.util.Map<Symbol, java.math.BigDecimal>> asked = new ArrayList<>();
        for (long t : times) {
            steady.set(t);
            asked.add(market.lastPrices(SandboxMarket.DEFAULT_SYMBOLS));
        }
        for (int i = times.size() - 1; i >= 0; i -= 7) {
            TestClock once = new TestClock(times.get(i));
            assertThat(new SandboxMarket(42, ORIGIN, once.clock).lastPrices(SandboxMarket.DEFAULT_SYMBOLS))
                    .as("prices at %d", times.get(i)).isEqualTo(asked.get(i));
            steady.set(times.get(i));
            assertThat(market.lastPrices(SandboxMarket.DEFAULT_SYMBOLS)).as("asked again, backwards").isEqualTo(asked.get(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        TestClock clock = new TestClock(END);
        SandboxMarket one = new SandboxMarket(1, ORIGIN, clock.clock);
        SandboxMarket two = new SandboxMarket(2, ORIGIN, clock.clock);
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            Feed feed = new Feed(symbol, Timeframe.H1);
            assertThat(all(one, feed).getLast().close()).as(symbol.toString())
                    .isNotEqualTo(all(two, feed).getLast().close());
        }
        List<Symbol> symbols = SandboxMarket.DEFAULT_SYMBOLS;
        assertThat(one.lastPrices(symbols)).isNotEqualTo(two.lastPrices(symbols));
    }

    @Test
    void symbolsDoNotMoveInLockstep() {
        SandboxMarket market = new SandboxMarket(7, ORIGIN, new TestClock(END).clock);
        List<Candle> btc = all(market, new Feed(new Symbol("BTC", "USDT"), Timeframe.H1));
        List<Candle> eth = all(market, new Feed(new Symbol("ETH", "USDT"), Timeframe.H1));
        int sameDirection = 0;
        for (int i = 0; i < btc.size(); i++) {
            double btcMove = btc.get(i).close() - btc.get(i).open();
            double ethMove = eth.get(i).close() - eth.get(i).open();
            if (Math.signum(btcMove) == Math.signum(ethMove)) sameDirection++;
        }
        assertThat((double) sameDirection / btc.size()).isBetween(0.3, 0.7);
    }

    @Test
    void concurrentRequestsSeeTheSamePathAsSequentialOnes() throws Exception {
        SandboxMarket shared = new SandboxMarket(9, ORIGIN, new TestClock(END).clock);
        SandboxMarket reference = new SandboxMarket(9, ORIGIN, new TestClock(END).clock);
        List<Feed> feeds = new ArrayList<>();
        for (Symbol symbol : SandboxMarket.DEFAULT_SYMBOLS) {
            for (Timeframe tf : Timeframe.values()) feeds.add(new Feed(symbol, tf));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Candle>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Feed feed : feeds) {
                results.add(pool.submit(() -> {
                    start.await();
                    return all(shared, feed);
                }));
            }
            start.countDown();
            for (int i = 0; i < feeds.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(all(reference, feeds.get(i)));
            }
        }
    }
}
