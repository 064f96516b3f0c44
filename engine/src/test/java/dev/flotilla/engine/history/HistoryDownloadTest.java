package dev.flotilla.engine.history;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.FakeBinance;
import dev.flotilla.engine.market.binance.VirtualClock;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads through the real client (XChange over HTTP) from a {@link FakeBinance} into a real SQLite file, on a
 * {@link VirtualClock}: every wait (the budget, a Retry-After, a retry's backoff) moves the clock instead of sleeping.
 * Binance's present is 2025-10-12 05:20:30; its history starts 2025-10-01, so a download from then holds 1,077
 * candles of 15m (two pages), 269 of 1h and 67 of 4h per symbol.
 */
@OnBothStores
class HistoryDownloadTest {

    static final long ORIGIN = at("2025-10-01T00:00:00Z");
    static final long NOW = at("2025-10-12T05:20:30Z");
    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final List<Feed> FEEDS = feeds(List.of(BTC, ETH));
    static final long PER_SYMBOL = 1_077 + 269 + 67;

    @TempDir
    Path dir;
    VirtualClock local;
    FakeBinance fake;
    Store store;
    final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    static List<Feed> feeds(List<Symbol> symbols) {
        List<Feed> out = new ArrayList<>();
        for (Symbol s : symbols) for (Timeframe tf : Timeframe.values()) out.add(new Feed(s, tf));
        return out;
    }

    @BeforeEach
    void setUp() throws Exception {
        local = new VirtualClock(NOW);
        fake = new FakeBinance(local::now, 7, ORIGIN);
        store = new Store(TestStores.open(dir));
    }

    @AfterEach
    void tearDown() {
        store.close();
        fake.close();
    }

    BinanceMarket market() {
        BinanceMarket m = new BinanceMarket(BinanceConfig.defaults(fake.url()).withTimeouts(2_000, 2_000), local);
        m.start(List.of(BTC, ETH));
        return m;
    }

    DownloadResult download(List<Feed> feeds, java.util.function.BooleanSupplier stop) {
        return new HistoryDownload(market(), store).run(feeds, ORIGIN, Long.MAX_VALUE, stop, progress::add);
    }

    /** The candles Binance (the fake) has for a feed up to its present, as its JSON carries them (8 decimals). */
    static List<Candle> binanceHas(Feed feed) {
        SandboxMarket data = new SandboxMarket(7, ORIGIN, () -> Long.MAX_VALUE);
        long end = feed.timeframe().lastCloseAtOrBefore(NOW - 1_000);
        return data.closedCandles(feed, ORIGIN, end, 100_000).stream()
                .map(c -> new Candle(c.openTime(), r8(c.open()), r8(c.high()), r8(c.low()), r8(c.close()), r8(c.volume())))
                .toList();
    }

    static double r8(double v) {
        return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_EVEN).doubleValue();
    }

    List<Candle> stored(Feed feed) {
        return store.candlesFrom(feed, 0, Long.MAX_VALUE / 2, 1_000_000);
    }

    void assertTableIsBinancesHistory(List<Feed> feeds) {
        for (Feed f : feeds) assertThat(stored(f)).as(f.toString()).isEqualTo(binanceHas(f));
        assertThat(store.count("candles")).isEqualTo(feeds.stream().mapToLong(f -> binanceHas(f).size()).sum());
    }

    @Test
    void twoSymbolsThreeTimeframesGiveExactlyBinancesCandlesAndASecondRunAsksForNothing() {
        DownloadResult r = download(FEEDS, () -> false);

        assertThat(r.candles()).isEqualTo(2 * PER_SYMBOL);
        assertThat(r.complete()).isTrue();
        assertThat(r.stopped()).isFalse();
        assertThat(r.feeds()).extracting(FeedDownload::added)
                .containsExactly(1_077L, 269L, 67L, 1_077L, 269L, 67L);
        assertThat(binanceHas(new Feed(BTC, Timeframe.M15))).hasSize(1_077);
        assertTableIsBinancesHistory(FEEDS);
        // one request a page of at most 1,000: two for each 15m feed, one for the others
        List<FakeBinance.Request> klines = fake.klines();
        assertThat(klines).hasSize(8).allSatisfy(q -> {
            assertThat(q.status()).isEqualTo(200);
            assertThat(Integer.parseInt(q.query().get("limit"))).isBetween(1, 1_000);
        });
        assertThat(r.pages()).isEqualTo(8);
        assertThat(fake.violations()).isZero();
        DownloadProgress last = progress.getLast();
        assertThat(last.feedsDone()).isEqualTo(6);
        assertThat(last.feeds()).isEqualTo(6);
        assertThat(last.candles()).isEqualTo(2 * PER_SYMBOL);
        assertThat(last.expected()).isEqualTo(2 * PER_SYMBOL);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(progress).extracting(DownloadProgress::candles).isSorted();

        progress.clear();
        DownloadResult again = download(FEEDS, () -> false);
        assertThat(again.candles()).isZero();
        assertThat(again.complete()).isTrue();
        assertThat(fake.klines()).hasSize(8);   // no klines request at all
        assertThat(progress.getFirst().feedsDone()).isEqualTo(6);
        assertTableIsBinancesHistory(FEEDS);
    }

    @Test
    void aStoppedRunAndAFailedOneResumeToTheSameTable() {
        // first run: stopped after three pages
        DownloadResult first = download(FEEDS, () -> fake.klines().size() >= 3);
        assertThat(first.stopped()).isTrue();
        assertThat(first.complete()).isFalse();
        assertThat(first.pages()).isEqualTo(3);
        // the first page of each symbol comes first, then BTC's 15m goes on
        assertThat(fake.klines()).extracting(FakeBinance.Request::feedKey).containsExactly("BTCUSDT 15m", "ETHUSDT 15m", "BTCUSDT 15m");
        assertThat(store.count("candles")).isEqualTo(first.candles()).isEqualTo(1_000 + 1_000 + 77);

        // second run: Binance fails every request; nothing stored is lost
        HistoryDownload failing = new HistoryDownload(market(), store);
        for (int i = 0; i < HistoryDownload.ATTEMPTS; i++) fake.next(FakeBinance.status(502, null));
        int before = fake.klines().size();
        long start = local.now();
        assertThatThrownBy(() -> failing.run(FEEDS, ORIGIN, Long.MAX_VALUE, () -> false, progress::add))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("Binance at " + fake.url())
                .hasMessageContaining("502")
                .satisfies(e -> assertThat(((DownloadException) e).partial().candles()).isZero());
        assertThat(fake.klines().size() - before).isEqualTo(HistoryDownload.ATTEMPTS);
        assertThat(local.now() - start).isGreaterThanOrEqualTo(1_000 + 2_000 + 4_000 + 8_000);  // backed off
        assertThat(store.count("candles")).isEqualTo(2_077);

        // third run: only what is missing (each symbol's first missing page first), to the same table as one download
        before = fake.klines().size();
        DownloadResult third = download(FEEDS, () -> false);
        assertThat(third.complete()).isTrue();
        assertThat(third.candles()).isEqualTo(2 * PER_SYMBOL - 2_077);
        assertThat(fake.klines().subList(before, fake.klines().size())).extracting(FakeBinance.Request::feedKey)
                .containsExactly("BTCUSDT 1h", "ETHUSDT 15m", "BTCUSDT 4h", "ETHUSDT 1h", "ETHUSDT 4h");
        assertTableIsBinancesHistory(FEEDS);
    }

    @Test
    void holesAnywhereInThePeriodAreFilledNotOnlyWhatComesAfterTheLastStoredCandle() {
        Feed btc1h = new Feed(BTC, Timeframe.H1);
        List<Candle> all = binanceHas(btc1h);
        // what an earlier download or import left: days 3 to 5, and the very last candle
        store.write(tx -> {
            tx.candles(btc1h, all.subList(48, 120));
            tx.candles(btc1h, all.subList(all.size() - 1, all.size()));
        });
        DownloadResult r = download(List.of(btc1h), () -> false);
        assertThat(r.feeds().getFirst().missing()).isEqualTo(all.size() - 73);
        assertThat(r.candles()).isEqualTo(all.size() - 73);
        assertThat(fake.klines()).hasSize(2);
        assertThat(fake.klines()).extracting(q -> Long.parseLong(q.query().get("startTime")))
                .containsExactly(ORIGIN, all.get(120).openTime());
        assertTableIsBinancesHistory(List.of(btc1h));
    }

    @Test
    void aRateLimitIsWaitedOutAndTheBudgetKept() {
        BinanceMarket market = market();
        fake.next(FakeBinance.status(429, 30));
        DownloadResult r = new HistoryDownload(market, store).run(FEEDS, ORIGIN, Long.MAX_VALUE, () -> false, progress::add);
        assertThat(r.complete()).isTrue();
        assertTableIsBinancesHistory(FEEDS);
        List<FakeBinance.Request> klines = fake.klines();
        assertThat(klines.getFirst().status()).isEqualTo(429);
        // nothing was sent until the Retry-After had passed, and the server never had to refuse on its own
        assertThat(klines.get(1).serverTime() - klines.getFirst().serverTime()).isGreaterThanOrEqualTo(30_000);
        assertThat(klines.subList(1, klines.size())).hasSize(8).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
        assertThat(fake.violations()).isZero();
        assertThat(progress).extracting(DownloadProgress::note).anySatisfy(n -> assertThat(n).contains("waiting 3"));
    }

    @Test
    void aSmallWeightLimitSpreadsTheDownloadOverMinutesWithoutA429() {
        fake.weightLimit(40);   // budget 32 a minute: time (1) and exchangeInfo (20) leave room for five pages
        DownloadResult r = download(FEEDS, () -> false);
        assertThat(r.complete()).isTrue();
        assertTableIsBinancesHistory(FEEDS);
        assertThat(fake.violations()).isZero();
        assertThat(fake.requests()).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
        List<FakeBinance.Request> all = fake.requests();
        for (FakeBinance.Request start : all) {
            long window = all.stream().filter(q -> q.serverTime() >= start.serverTime() && q.serverTime() < start.serverTime() + 60_000)
                    .mapToLong(FakeBinance.Request::weight).sum();
            assertThat(window).isLessThanOrEqualTo(32);
        }
        assertThat(local.now() - NOW).isGreaterThanOrEqualTo(60_000);
    }

    @Test
    void anUnknownSymbolIsNamedBeforeTheOthersAreDownloaded() {
        List<Feed> feeds = new ArrayList<>(FEEDS);
        feeds.addAll(feeds(List.of(new Symbol("FOO", "USDT"))));
        assertThatThrownBy(() -> download(feeds, () -> false))
                .isInstanceOf(DownloadException.class)
                .hasMessage("Binance does not list FOOUSDT (code -1121, invalid symbol); nothing was downloaded for it");
        // only the first page of each symbol was asked for
        assertThat(fake.klines()).extracting(FakeBinance.Request::feedKey)
                .containsExactly("BTCUSDT 15m", "ETHUSDT 15m", "FOOUSDT 15m");
        assertThat(store.count("candles")).isEqualTo(2_000);
    }

    @Test
    void anEmptyPeriodAndAnUnreachableBinanceAreClearErrors() {
        HistoryDownload dl = new HistoryDownload(market(), store);
        assertThatThrownBy(() -> dl.run(FEEDS, at("2025-10-05T00:00:00Z"), at("2025-10-04T00:00:00Z"), () -> false, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not before to 2025-10-04T00:00:00Z");
        assertThatThrownBy(() -> dl.run(FEEDS, at("2025-11-01T00:00:00Z"), Long.MAX_VALUE, () -> false, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after Binance's present");
        fake.close();
        assertThatThrownBy(() -> dl.run(FEEDS, ORIGIN, Long.MAX_VALUE, () -> false, p -> { }))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("Binance at " + fake.url() + " failed for BTC/USDT 15m: ");
        assertThat(store.count("candles")).isZero();
    }
}
