package dev.flotilla.engine.market.binance;

import static dev.flotilla.engine.market.binance.BinanceWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.EventType;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine with the default fleet (45 bots, 39 feeds) on Binance data from a local fake Binance, the way the
 * launcher wires it, in virtual time.
 */
class BinanceEngineTest {

    static final long START = at("2026-03-02T11:56:00Z");
    static final long CLOSE_4H = at("2026-03-02T12:00:00Z");
    static final long CLOSE_15M = at("2026-03-02T12:15:00Z");
    static final long END = at("2026-03-02T12:20:00Z");
    static final Feed BTC_15M = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);

    @TempDir
    Path dir;

    /** Every bot's last completed tick close. */
    private static Map<String, Long> lastCloses(BinanceWorld w) {
        return w.store.botStates().values().stream().collect(Collectors.toMap(BotState::botId, BotState::lastClose));
    }

    private static long ticks(BinanceWorld w, String botId, long close) {
        return w.events.stream().filter(e -> e instanceof BotEvent.TickCompleted t && t.botId().equals(botId)
                && t.candleClose() == close).count();
    }

    private static void assertComplete(BinanceWorld w, Feed feed, long lastClose) {
        List<Candle> stored = w.stored(feed, lastClose);
        long len = feed.timeframe().millis();
        assertThat(stored).as(feed + " stored").isNotEmpty();
        assertThat(stored.getLast().openTime()).as(feed + " last stored").isEqualTo(lastClose - len);
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).openTime() - stored.get(i - 1).openTime()).as(feed + " contiguous at " + i).isEqualTo(len);
        }
        assertThat(stored.size()).as(feed + " at least the strategies' window").isGreaterThanOrEqualTo(300);
    }

    @Test
    void atACandleCloseTheKlinesRequestsAreOnePerFeedNotPerBot() throws Exception {
        long close1h = at("2026-03-02T13:00:00Z");
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start().runUntil(close1h + 5 * 60_000)) {
            List<Feed> feeds = w.feeds();
            assertThat(feeds).hasSize(39);
            assertThat(w.store.bots()).hasSize(45);
            // the first start filled every feed's window with one page each
            assertThat(w.backfill.pages()).isEqualTo(39);
            assertThat(w.backfill.candles()).isEqualTo(39 * 300);
            assertThat(w.progress.getLast()).contains("39 feeds", "39 page(s)", "11700 candle(s)");

            // 12:00 closes a 4h, a 1h and a 15m candle of every symbol: 39 feeds, one request each, for 45 bots
            List<FakeBinance.Request> at4h = w.klinesFor(CLOSE_4H);
            assertThat(at4h).hasSize(39);
            assertThat(at4h.stream().map(FakeBinance.Request::feedKey).collect(Collectors.toSet())).hasSize(39);
            assertThat(at4h).allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "1"));
            assertThat(at4h.stream().mapToInt(FakeBinance.Request::weight).sum()).isEqualTo(78);
            // 12:15 closes the 15m candles only; 13:00 the 1h and 15m ones
            List<FakeBinance.Request> at15m = w.klinesFor(CLOSE_15M);
            assertThat(at15m).hasSize(13).allSatisfy(r -> assertThat(r.query()).containsEntry("interval", "15m"));
            assertThat(at15m.stream().mapToInt(FakeBinance.Request::weight).sum()).isEqualTo(26);
            List<FakeBinance.Request> at1h = w.klinesFor(close1h);
            assertThat(at1h).hasSize(26).allSatisfy(r -> assertThat(r.query().get("interval")).isIn("15m", "1h"));
            assertThat(at1h.stream().mapToInt(FakeBinance.Request::weight).sum()).isEqualTo(52);
            // nothing else was asked for klines while the engine ran, and nothing was refused
            assertThat(w.engineRequests().stream().filter(FakeBinance.Request::isKlines)).hasSize(39 + 3 * 13 + 26);
            assertThat(w.engineRequests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

            Map<String, Long> last = lastCloses(w);
            for (BotSpec b : w.store.bots()) {
                assertThat(last.get(b.id())).as(b.id()).isEqualTo(b.timeframe() == Timeframe.H4 ? CLOSE_4H : close1h);
                assertThat(ticks(w, b.id(), CLOSE_4H)).as(b.id()).isEqualTo(1);
            }
            assertThat(w.engine.marketStatus().state()).isEqualTo(dev.flotilla.engine.api.MarketStatus.State.OK);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {30_000, -30_000})
    void aServerClockThirtySecondsOffStillTicksOnTheServersCloses(long skew) throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START - skew, skew).start().runUntil(END)) {
            List<FakeBinance.Request> at4h = w.klinesFor(CLOSE_4H);
            assertThat(at4h).hasSize(39);
            // on the server's clock: after its close, within the settle time (the budget sends the feeds at once)
            assertThat(at4h).allSatisfy(r -> assertThat(r.serverTime()).as(r.feedKey()).isBetween(CLOSE_4H, CLOSE_4H + 2_000));
            // no reply was refused as an open candle or a missing one: every feed was asked once per close
            assertThat(w.engineRequests().stream().filter(FakeBinance.Request::isKlines)).hasSize(39 + 13);
            for (BotSpec b : w.store.bots()) {
                List<EngineEvent> ticks = w.events.stream().filter(e -> e instanceof BotEvent.TickCompleted t
                        && t.botId().equals(b.id()) && t.candleClose() == CLOSE_4H).toList();
                assertThat(ticks).as(b.id()).singleElement().satisfies(t -> assertThat(t.time()).isEqualTo(CLOSE_4H));
            }
            assertThat(w.engine.marketStatus().clockOffsetMs()).isEqualTo(skew);
        }
    }

    @Test
    void withFaultsOnOneFeedTheOthersKeepTickingAndEveryFeedEndsUpComplete() throws Exception {
        long end = at("2026-03-02T15:05:00Z");
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start()) {
            w.fake.faults(BTC_15M, FakeBinance.status(500, null), new FakeBinance.Fault.Hang(3_000),
                    FakeBinance.Fault.Data.MALFORMED_JSON, FakeBinance.Fault.Data.GAP, FakeBinance.Fault.Data.DUPLICATE,
                    FakeBinance.status(502, null), FakeBinance.Fault.Data.OPEN_CANDLE, FakeBinance.Fault.Data.HIGH_BELOW_LOW,
                    FakeBinance.Fault.Data.OUT_OF_ORDER, FakeBinance.status(503, null));
            w.runUntil(end);
            assertThat(w.fake.faultsLeft(BTC_15M)).isFalse();
            long lastQuarter = at("2026-03-02T15:00:00Z");
            for (BotSpec b : w.store.bots()) {
                long len = b.timeframe().millis();
                for (long c = CLOSE_4H; c <= lastQuarter; c += len) {
                    assertThat(ticks(w, b.id(), c)).as(b.id() + " at " + c).isEqualTo(1);
                }
            }
            // the other feeds were asked once per close, at their usual time
            for (Feed f : w.feeds()) {
                if (f.equals(BTC_15M)) continue;
                long len = f.timeframe().millis();
                long closes = (lastQuarter - CLOSE_4H) / len + 1;
                assertThat(w.engineRequests().stream().filter(r -> r.isKlines() && r.feedKey().equals(FakeBinance.key(f))))
                        .as(f.toString()).hasSize((int) closes);
            }
            // the faulty feed was tried again with growing backoff until a good reply came, within its first close
            List<FakeBinance.Request> btc = w.klinesFor(CLOSE_4H).stream()
                    .filter(r -> r.feedKey().equals(FakeBinance.key(BTC_15M))).toList();
            assertThat(btc).hasSize(11);
            for (int k = 1; k < btc.size(); k++) {
                long interval = btc.get(k).serverTime() - btc.get(k - 1).serverTime();
                long backoff = Math.min(300_000, 1000L << (k - 1));   // 1 s, 2 s, 4 s ... at most 5 min, jittered
                assertThat(interval).as("wait before attempt " + (k + 1)).isBetween(backoff / 2, backoff);
            }
            assertThat(btc.getLast().serverTime()).isLessThan(CLOSE_15M);
            assertThat(ticks(w, "ema-btc-15m", CLOSE_4H)).as("ticked late, once the reply was good").isEqualTo(1);
            assertThat(lastCloses(w).get("ema-btc-15m")).isEqualTo(lastQuarter);
            for (Feed f : w.feeds()) assertComplete(w, f, f.timeframe().lastCloseAtOrBefore(end));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 418})
    void afterARateLimitNoRequestArrivesBeforeRetryAfterAndEveryBotStillTicksTheClose(int status) throws Exception {
        int retryAfter = status == 429 ? 45 : 130;
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start()) {
            w.fake.at(CLOSE_4H + 10_000, FakeBinance.status(status, retryAfter));
            w.runUntil(END);
            List<FakeBinance.Request> all = w.engineRequests();
            FakeBinance.Request refused = all.stream().filter(r -> r.status() == status).findFirst().orElseThrow();
            long until = refused.serverTime() + retryAfter * 1000L;
            assertThat(all).filteredOn(r -> r.serverTime() > refused.serverTime() && r.serverTime() < until).isEmpty();
            assertThat(all).filteredOn(r -> r.serverTime() >= until).isNotEmpty();
            assertThat(all).filteredOn(r -> r.status() != 200).containsExactly(refused);
            assertThat(w.fake.violations()).isZero();
            assertThat(w.events).filteredOn(e -> e.type() == EventType.RATE_LIMIT_WARNING).singleElement()
                    .satisfies(e -> assertThat(e.toString()).contains(Integer.toString(status), "Retry-After " + retryAfter));
            // the feeds refused meanwhile were fetched once the limit had passed, paced by the budget
            for (BotSpec b : w.store.bots()) assertThat(ticks(w, b.id(), CLOSE_4H)).as(b.id()).isEqualTo(1);
            assertThat(w.klinesFor(CLOSE_4H).stream().map(FakeBinance.Request::feedKey).collect(Collectors.toSet())).hasSize(39);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 30})
    void theWeightSpentInAnyMinuteNeverExceedsTheBudget(long otherPrograms) throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START, 0)) {
            // a limit of 100 leaves a budget of 80 a minute: the backfill (39 pages) and the 4h close (39 feeds)
            // each need more than that, so both are spread out by the budget
            w.fake.weightLimit(100).otherPrograms(otherPrograms);
            w.start().runUntil(END);
            assertThat(w.market.weightBudget()).isEqualTo(80);
            List<FakeBinance.Request> all = w.fake.requests();
            assertThat(Budgets.maxInAnyMinute(all)).isLessThanOrEqualTo(80);
            assertThat(Budgets.maxInACalendarMinute(all) + otherPrograms).isLessThanOrEqualTo(80);
            assertThat(w.fake.violations()).isZero();
            assertThat(all).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(w.backfill.failed()).isEmpty();
            for (BotSpec b : w.store.bots()) assertThat(ticks(w, b.id(), CLOSE_4H)).as(b.id()).isEqualTo(1);
            Set<String> fetched = w.klinesFor(CLOSE_4H).stream().map(FakeBinance.Request::feedKey).collect(Collectors.toSet());
            assertThat(fetched).hasSize(39);
        }
    }

    @Test
    void paperTradingOnBinanceDataFillsAtBinancesPrices() throws Exception {
        long end = START + Duration.ofDays(1).toMillis();
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start().runUntil(end)) {
            Map<String, Fill> fills = w.store.fills().stream().collect(Collectors.toMap(Fill::clientOrderId, f -> f));
            Map<String, Feed> feedOf = w.store.bots().stream().collect(Collectors.toMap(BotSpec::id, BotSpec::feed));
            List<Order> filled = w.store.orders(OrderStatus.FILLED);
            assertThat(filled).hasSizeGreaterThan(5);
            assertThat(filled.stream().map(Order::side).collect(Collectors.toSet())).containsExactlyInAnyOrder(Side.BUY, Side.SELL);
            for (Order o : filled) {
                if (o.tickClose() != null) {
                    // decided at a candle close: the reference is the close of Binance's candle that just closed
                    Feed feed = feedOf.get(o.botId());
                    long close = o.tickClose();
                    Candle c = BinanceMarketTest.truth(BinanceWorld.ORIGIN, feed, close - feed.timeframe().millis(), close).getFirst();
                    assertThat(o.refPrice()).as(o.clientOrderId()).isEqualByComparingTo(BigDecimal.valueOf(c.close()));
                } else {
                    // a stop hit between closes: the last price Binance sent the mark-to-market loop just before
                    FakeBinance.Request reply = w.fake.requests().stream()
                            .filter(r -> r.path().endsWith("/price") && r.serverTime() <= o.createdAt() + 2_000)
                            .reduce((a, b) -> b).orElseThrow();
                    assertThat(reply.body()).as(o.clientOrderId()).contains("\"" + o.symbol().compact() + "\",\"price\":\""
                            + o.refPrice().setScale(8, RoundingMode.HALF_EVEN).toPlainString() + "\"");
                }
                BigDecimal slip = o.side() == Side.BUY ? new BigDecimal("1.0005") : new BigDecimal("0.9995");
                BigDecimal expected = o.refPrice().multiply(slip).round(new MathContext(12, RoundingMode.HALF_EVEN))
                        .setScale(8, RoundingMode.HALF_EVEN);
                assertThat(fills.get(o.clientOrderId()).price()).as(o.clientOrderId()).isEqualByComparingTo(expected);
            }
            // the mark-to-market loop asked for all held symbols' prices in one request of weight 4 each time
            assertThat(w.engineRequests()).filteredOn(r -> r.path().endsWith("/price"))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.weight()).isEqualTo(4));
            // a day of the default fleet: far inside the budget of 4,800 a minute, in the busiest minute too
            long busiest = Budgets.maxInAnyMinute(w.engineRequests());
            long day = w.engineRequests().stream().mapToLong(FakeBinance.Request::weight).sum();
            System.out.printf("a day of the default fleet: %d requests, weight %d, busiest minute %d%n",
                    w.engineRequests().size(), day, busiest);
            assertThat(busiest).isLessThanOrEqualTo(110);
            assertThat(w.engineRequests().stream().filter(FakeBinance.Request::isKlines)).hasSize(13 * (96 + 24 + 6));
        }
    }

    @Test
    void aRestartBackfillsTheGapSinceTheLastStoredCandleInPagesOfAThousand() throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start().runUntil(END)) {
            Map<Feed, Long> lastStored = new java.util.HashMap<>();
            for (Feed f : w.feeds()) lastStored.put(f, w.stored(f, END).getLast().openTime());
            w.stop();
            w.local.advance(Duration.ofDays(12).plusHours(3).toMillis());
            int before = w.fake.requests().size();
            w.start();
            List<FakeBinance.Request> backfill = w.fake.requests().subList(before, w.requestsBeforeEngine).stream()
                    .filter(FakeBinance.Request::isKlines).toList();
            long now = w.market.clock().now();
            int pages = 0;
            for (Feed f : w.feeds()) {
                long len = f.timeframe().millis();
                long missing = (f.timeframe().lastCloseAtOrBefore(now) - lastStored.get(f)) / len - 1;
                List<FakeBinance.Request> mine = backfill.stream().filter(r -> r.feedKey().equals(FakeBinance.key(f))).toList();
                assertThat(mine).as(f.toString()).hasSize((int) Math.ceilDiv(missing, 1000));
                assertThat(mine.getFirst().query()).containsEntry("startTime", Long.toString(lastStored.get(f) + len))
                        .containsEntry("limit", Long.toString(Math.min(1000, missing)));
                pages += mine.size();
                assertComplete(w, f, f.timeframe().lastCloseAtOrBefore(now));
            }
            assertThat(pages).isEqualTo(13 * 2 + 13 + 13);   // 12 days: 1,164 quarter hours, 291 hours, 72 four-hour candles
            assertThat(w.backfill.pages()).isEqualTo(pages);
            assertThat(w.progress).filteredOn(l -> l.startsWith("backfill ") && l.contains("/39 feeds")).hasSize(39 + 39);
            assertThat(w.progress.getLast()).contains("52 page(s)");
            // the first close after the restart asks each feed for its one new candle
            long next = Timeframe.M15.nextCloseAfter(now);
            w.runUntil(next + 90_000);
            assertThat(w.klinesFor(next)).hasSize(13).allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "1"));
        }
    }

    @Test
    void withBinanceDownTheAppStillStartsAndTheBackfillGivesUpEarly() throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START, 0)) {
            w.fake.close();
            w.start().runUntil(END);
            assertThat(w.backfill.failed()).hasSize(39);
            assertThat(w.backfill.pages()).isZero();
            assertThat(w.progress).anySatisfy(l -> assertThat(l).contains("2 feeds in a row failed"));
            assertThat(w.engine.failure()).isNull();
            assertThat(w.store.botStates().values()).extracting(BotState::lastClose).containsOnlyNulls();
            assertThat(w.engine.marketStatus().state()).isEqualTo(dev.flotilla.engine.api.MarketStatus.State.UNREACHABLE);
        }
    }
}
