package dev.flotilla.engine.market.binance;

import static dev.flotilla.engine.market.binance.BinanceWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.model.BotSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetches of one candle close are paced by the shared weight budget, not a fixed gap: at a 4h close the default
 * fleet's 39 feeds all close together and are all asked for within 10 s, and only when the budget has no room for
 * them are they spread, never past it.
 */
class BinancePacingTest {

    static final long START = at("2026-03-02T11:56:00Z");
    static final long CLOSE_4H = at("2026-03-02T12:00:00Z");
    static final long AFTER = CLOSE_4H + 5 * 60_000;

    @TempDir
    Path dir;

    private static long ticksAt(BinanceWorld w, String botId, long close) {
        return w.events.stream().filter(e -> e instanceof BotEvent.TickCompleted t && t.botId().equals(botId)
                && t.candleClose() == close).count();
    }

    @Test
    void atAFourHourCloseAllThirtyNineFeedsAreFetchedWithinTenSecondsInsideTheBudget() throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START, 0).start().runUntil(AFTER)) {
            List<FakeBinance.Request> at4h = w.klinesFor(CLOSE_4H);
            assertThat(at4h).hasSize(39);
            assertThat(at4h.stream().map(FakeBinance.Request::feedKey).collect(Collectors.toSet())).hasSize(39);
            // on the server's clock: none before the close, the last one within 10 s of it
            assertThat(at4h).allSatisfy(r -> assertThat(r.serverTime()).isBetween(CLOSE_4H, CLOSE_4H + 10_000));
            long last = at4h.stream().mapToLong(FakeBinance.Request::serverTime).max().orElseThrow();
            System.out.printf("4h close to the last of 39 feeds fetched: %d ms (server clock)%n", last - CLOSE_4H);
            // the weight is what it was with the fixed gap: one klines request of weight 2 per feed, nothing refused
            assertThat(at4h.stream().mapToInt(FakeBinance.Request::weight).sum()).isEqualTo(78);
            assertThat(w.engineRequests().stream().filter(FakeBinance.Request::isKlines)).hasSize(39);
            assertThat(w.engineRequests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(Budgets.maxInAnyMinute(w.fake.requests())).isLessThanOrEqualTo(w.market.weightBudget());
            assertThat(w.fake.violations()).isZero();
            for (BotSpec b : w.store.bots()) assertThat(ticksAt(w, b.id(), CLOSE_4H)).as(b.id()).isEqualTo(1);
        }
    }

    @Test
    void whenOtherProgramsLeaveNoRoomTheCloseWaitsForTheNextMinuteInsteadOfExceedingTheBudget() throws Exception {
        try (BinanceWorld w = new BinanceWorld(dir, START, 0)) {
            // the IP's other programs spend all but 40 of the budget of 4,800 every minute: room for about 20 feeds
            w.fake.otherPrograms(4_760);
            w.start().runUntil(AFTER);
            List<FakeBinance.Request> all = w.fake.requests();
            assertThat(Budgets.maxInACalendarMinute(all) + 4_760).isLessThanOrEqualTo(w.market.weightBudget());
            assertThat(w.fake.violations()).isZero();
            assertThat(all).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            List<FakeBinance.Request> at4h = w.klinesFor(CLOSE_4H);
            assertThat(at4h.stream().map(FakeBinance.Request::feedKey).collect(Collectors.toSet())).hasSize(39);
            // some went at the close, the rest once the next minute gave room, not a fixed gap apart
            assertThat(at4h).filteredOn(r -> r.serverTime() < CLOSE_4H + 10_000).isNotEmpty();
            assertThat(at4h).filteredOn(r -> r.serverTime() >= CLOSE_4H + 60_000).isNotEmpty();
            for (BotSpec b : w.store.bots()) assertThat(ticksAt(w, b.id(), CLOSE_4H)).as(b.id()).isEqualTo(1);
        }
    }
}
