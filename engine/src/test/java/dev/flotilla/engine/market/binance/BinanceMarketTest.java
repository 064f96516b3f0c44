package dev.flotilla.engine.market.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BinanceMarket against a local server that answers like Binance, on a virtual clock. */
class BinanceMarketTest {

    static final long T0 = Instant.parse("2026-03-02T10:07:30Z").toEpochMilli();
    static final long ORIGIN = T0 - Duration.ofDays(100).toMillis();
    static final long M15 = Timeframe.M15.millis();
    static final Feed BTC_15M = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
    static final Feed ETH_1H = new Feed(Symbol.parse("ETH/USDT"), Timeframe.H1);

    VirtualClock local;
    AtomicLong skew = new AtomicLong();
    FakeBinance fake;
    BinanceMarket market;

    @BeforeEach
    void open() throws Exception {
        local = new VirtualClock(T0);
        fake = new FakeBinance(() -> local.now() + skew.get(), 7, ORIGIN);
        market = new BinanceMarket(BinanceConfig.defaults(fake.url()).withTimeouts(2_000, 1_000), local);
        market.start(SandboxMarket.DEFAULT_SYMBOLS);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    /** The fake's candles as Binance's 8-decimal strings carry them. */
    static List<Candle> truth(Feed feed, long from, long closedBy) {
        return truth(ORIGIN, feed, from, closedBy);
    }

    static List<Candle> truth(long origin, Feed feed, long from, long closedBy) {
        return new SandboxMarket(7, origin, () -> Long.MAX_VALUE).closedCandles(feed, from, closedBy, 10_000).stream()
                .map(c -> new Candle(c.openTime(), r8(c.open()), r8(c.high()), r8(c.low()), r8(c.close()), r8(c.volume())))
                .toList();
    }

    static double r8(double v) {
        return BigDecimal.valueOf(v).setScale(8, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private long requests() {
        return fake.requests().size();
    }

    @Test
    void startMeasuresTheClockAndReadsTheWeightLimit() {
        assertThat(fake.requests()).extracting(FakeBinance.Request::path)
                .containsExactly("/api/v3/time", "/api/v3/exchangeInfo");
        assertThat(market.weightLimit()).isEqualTo(6_000);
        assertThat(market.weightBudget()).isEqualTo(4_800);
        assertThat(market.serverNow()).isEqualTo(T0);
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.OK);
    }

    @Test
    void aLowerLimitInExchangeInfoLowersTheBudget() throws Exception {
        fake.weightLimit(1_200);
        BinanceMarket other = new BinanceMarket(BinanceConfig.defaults(fake.url()), local);
        other.start(List.of(Symbol.parse("ETH/USDT")));
        assertThat(other.weightLimit()).isEqualTo(1_200);
        assertThat(other.weightBudget()).isEqualTo(960);
        assertThat(fake.requests().getLast().query()).containsEntry("symbol", "ETHUSDT");
    }

    @Test
    void closedKlinesAreReadInBinancesFieldOrderAndTheOpenOneIsNotServed() {
        long from = T0 - T0 % M15 - 4 * M15;    // 09:00
        List<Candle> got = market.closedCandles(BTC_15M, from, T0 + M15, 1_000);
        // 09:00 .. 09:45 are closed at 10:07:30; 10:00 is still open
        assertThat(got).hasSize(4).isEqualTo(truth(BTC_15M, from, from + 4 * M15));
        FakeBinance.Request r = fake.klines().getFirst();
        assertThat(r.query()).containsEntry("symbol", "BTCUSDT").containsEntry("interval", "15m")
                .containsEntry("startTime", Long.toString(from)).containsEntry("endTime", Long.toString(from + 4 * M15 - 1))
                .containsEntry("limit", "4");
        assertThat(r.weight()).isEqualTo(2);
    }

    @Test
    void candlesHeldInMemoryAreNotAskedForAgain() {
        long from = T0 - T0 % M15 - 8 * M15;
        List<Candle> first = market.closedCandles(BTC_15M, from, T0, 1_000);
        long before = requests();
        assertThat(market.closedCandles(BTC_15M, from, T0, 1_000)).isEqualTo(first);
        assertThat(market.closedCandles(BTC_15M, from + 2 * M15, T0, 3)).isEqualTo(first.subList(2, 5));
        assertThat(requests()).isEqualTo(before);
        // a quarter of an hour later only the new candle is asked for
        local.advance(M15);
        List<Candle> more = market.closedCandles(BTC_15M, from, T0 + M15, 1_000);
        assertThat(more).hasSize(first.size() + 1).startsWith(first.toArray(Candle[]::new));
        assertThat(fake.klines().getLast().query()).containsEntry("startTime", Long.toString(first.getLast().openTime() + M15))
                .containsEntry("limit", "1");
    }

    @ParameterizedTest
    @EnumSource(FakeBinance.Fault.Data.class)
    void aReplyThatFailsTheChecksIsRejectedWholeAndTheNextOneIsUsed(FakeBinance.Fault.Data fault) {
        long from = T0 - T0 % M15 - 6 * M15;
        fake.faults(BTC_15M, fault);
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("klines BTC/USDT 15m");
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.DEGRADED);
        assertThat(market.closedCandles(BTC_15M, from, T0, 1_000)).isEqualTo(truth(BTC_15M, from, from + 6 * M15));
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.OK);
    }

    @Test
    void theSameHoleInTwoRepliesIsAcceptedAsBinancesHistory() {
        long from = T0 - T0 % M15 - 6 * M15;
        fake.faults(BTC_15M, FakeBinance.Fault.Data.GAP, FakeBinance.Fault.Data.GAP);
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("candles missing");
        List<Candle> got = market.closedCandles(BTC_15M, from, T0, 1_000);
        assertThat(got).hasSize(5).doesNotContain(truth(BTC_15M, from, from + 6 * M15).get(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 418})
    void aRateLimitStopsEveryRequestUntilRetryAfterHasPassed(int status) {
        int retryAfter = status == 429 ? 30 : 130;
        fake.next(FakeBinance.status(status, retryAfter));
        long limitedAt = fake.now();
        assertThatThrownBy(() -> market.lastPrices(List.of(BTC_15M.symbol())))
                .isInstanceOfSatisfying(MarketDataException.class,
                        e -> assertThat(e.notBefore()).isEqualTo(limitedAt + retryAfter * 1000L));
        MarketStatus s = market.status();
        assertThat(s.state()).isEqualTo(status == 429 ? MarketStatus.State.RATE_LIMITED : MarketStatus.State.BANNED);
        assertThat(s.blockedUntil()).isEqualTo(limitedAt + retryAfter * 1000L);
        assertThat(market.drainWarnings()).singleElement().asString().contains(Integer.toString(status), "Retry-After " + retryAfter);
        long sent = requests();
        for (int i = 0; i < 5; i++) {
            local.advance((retryAfter * 1000L - 1) / 5);
            assertThatThrownBy(() -> market.closedCandles(BTC_15M, T0 - 8 * M15, T0, 1_000)).isInstanceOf(MarketDataException.class);
            assertThatThrownBy(() -> market.lastPrices(List.of(BTC_15M.symbol()))).isInstanceOf(MarketDataException.class);
        }
        assertThat(requests()).as("nothing is sent while the limit is in force").isEqualTo(sent);
        local.advance(1_000);
        assertThat(market.lastPrices(List.of(BTC_15M.symbol()))).containsKey(BTC_15M.symbol());
        assertThat(fake.requests().getLast().serverTime()).isGreaterThanOrEqualTo(limitedAt + retryAfter * 1000L);
        assertThat(market.status().state()).as("the feed refused meanwhile is still to be fetched").isEqualTo(MarketStatus.State.DEGRADED);
        assertThat(market.closedCandles(BTC_15M, T0 - 8 * M15, T0, 1_000)).isNotEmpty();
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.OK);
        assertThat(market.drainWarnings()).isEmpty();
    }

    @Test
    void serverErrorsTimeoutsAndRefusedConnectionsFailOneRequestAndBlockNothing() {
        long from = T0 - T0 % M15 - 2 * M15;
        fake.next(FakeBinance.status(500, null));
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("500");
        fake.next(FakeBinance.status(502, null));   // an HTML body, as a proxy sends it
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("502");
        fake.next(new FakeBinance.Fault.Hang(3_000));
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("no answer");
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.UNREACHABLE);
        assertThat(market.status().blockedUntil()).isZero();
        assertThat(market.closedCandles(BTC_15M, from, T0, 1_000)).hasSize(2);
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.OK);

        BinanceMarket nowhere = new BinanceMarket(BinanceConfig.defaults("http://127.0.0.1:1").withTimeouts(500, 500), local);
        nowhere.start(List.of());
        assertThatThrownBy(() -> nowhere.closedCandles(BTC_15M, from, T0, 1_000)).isInstanceOf(MarketDataException.class);
        assertThat(nowhere.status().state()).isEqualTo(MarketStatus.State.UNREACHABLE);
    }

    @Test
    void whenBinanceStopsAnsweringRequestsFailAtOnceForAWhileInsteadOfEachTimingOut() {
        long from = T0 - T0 % M15 - 2 * M15;
        fake.next(new FakeBinance.Fault.Hang(3_000), new FakeBinance.Fault.Hang(3_000), new FakeBinance.Fault.Hang(3_000));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("no answer");
        }
        long sent = requests();
        assertThatThrownBy(() -> market.closedCandles(BTC_15M, from, T0, 1_000)).hasMessageContaining("did not answer the last 3");
        assertThatThrownBy(() -> market.lastPrices(List.of(BTC_15M.symbol()))).hasMessageContaining("did not answer");
        assertThat(requests()).isEqualTo(sent);
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.UNREACHABLE);
        local.advance(5_000);
        assertThat(market.closedCandles(BTC_15M, from, T0, 1_000)).hasSize(2);
        assertThat(market.status().state()).isEqualTo(MarketStatus.State.OK);
    }

    @Test
    void theClockOffsetIsMeasuredAgainPeriodicallyAndAfterATimestampError() {
        skew.set(30_000);
        BinanceMarket ahead = new BinanceMarket(BinanceConfig.defaults(fake.url()), local);
        ahead.start(List.of());
        assertThat(ahead.serverNow()).isEqualTo(local.now() + 30_000);
        assertThat(ahead.clock().now()).as("the engine follows a moment behind the server")
                .isBetween(local.now() + 30_000 - 2_000, local.now() + 30_000 - 1);
        assertThat(ahead.status().clockOffsetMs()).isEqualTo(30_000);

        skew.set(45_000);
        fake.next(FakeBinance.error(400, -1021));
        assertThatThrownBy(() -> ahead.lastPrices(List.of(BTC_15M.symbol()))).hasMessageContaining("-1021");
        int before = fake.requests().size();
        ahead.lastPrices(List.of(BTC_15M.symbol()));
        assertThat(fake.requests().subList(before, fake.requests().size())).extracting(FakeBinance.Request::path)
                .containsExactly("/api/v3/time", "/api/v3/ticker/price");
        assertThat(ahead.serverNow()).isEqualTo(local.now() + 45_000);

        skew.set(46_000);
        local.advance(Duration.ofMinutes(11).toMillis());
        ahead.lastPrices(List.of(BTC_15M.symbol()));
        assertThat(ahead.serverNow()).as("measured again after ten minutes").isEqualTo(local.now() + 46_000);
    }

    @Test
    void thePricesOfAllSymbolsComeInOneRequest() {
        Map<Symbol, BigDecimal> prices = market.lastPrices(SandboxMarket.DEFAULT_SYMBOLS);
        assertThat(prices).hasSize(13);
        for (Symbol s : SandboxMarket.DEFAULT_SYMBOLS) assertThat(prices.get(s)).isEqualByComparingTo(fake.price(s, fake.now()));
        FakeBinance.Request r = fake.requests().getLast();
        assertThat(r.path()).isEqualTo("/api/v3/ticker/price");
        assertThat(r.weight()).isEqualTo(4);
        assertThat(r.query().get("symbols")).startsWith("[\"ADAUSDT\",").contains("\"BTCUSDT\"");
        assertThat(fake.requests()).filteredOn(q -> q.path().endsWith("price")).hasSize(1);
    }

    @Test
    void aSymbolBinanceDoesNotListTurnsToAllSymbolPrices() {
        Symbol unlisted = Symbol.parse("PEPE/USDT");
        Map<Symbol, BigDecimal> prices = market.lastPrices(List.of(unlisted, BTC_15M.symbol()));
        assertThat(prices).containsOnlyKeys(BTC_15M.symbol());
        assertThat(fake.requests().getLast().query()).doesNotContainKey("symbols");
        market.lastPrices(List.of(ETH_1H.symbol()));
        assertThat(fake.requests().getLast().query()).doesNotContainKey("symbols");
    }

    @Test
    void theWeightSpentInAnyMinuteStaysWithinTheBudgetAndWhatOthersUseCounts() {
        fake.weightLimit(100);
        fake.otherPrograms(40);
        BinanceMarket tight = new BinanceMarket(BinanceConfig.defaults(fake.url()), local);
        tight.start(List.of());
        assertThat(tight.weightBudget()).isEqualTo(80);
        int ok = 0;
        long start = fake.requests().size();
        while (ok < 60) {
            try {
                tight.lastPrices(List.of(BTC_15M.symbol()));
                ok++;
            } catch (MarketDataException e) {
                assertThat(e.notBefore()).isGreaterThan(tight.serverNow());
                local.advance(1_000);
            }
        }
        List<FakeBinance.Request> sent = fake.requests().subList((int) start, fake.requests().size());
        assertThat(fake.violations()).isZero();
        assertThat(Budgets.maxInAnyMinute(sent)).isLessThanOrEqualTo(80);
        assertThat(Budgets.maxInACalendarMinute(sent) + 40).as("with the other programs' weight").isLessThanOrEqualTo(80);
    }
}
