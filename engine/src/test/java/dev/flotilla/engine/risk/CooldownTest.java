package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.execution.Intent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After 3 losses in a row the size halves with each further loss (50%, 25%, 12.5%), floor 10%; a win restores it. */
@OnBothStores
class CooldownTest {

    @TempDir
    Path dir;

    @Test
    void theFactorHalvesFromTheThirdLossDownToTheFloor() {
        List<String> factors = new ArrayList<>();
        for (int losses = 0; losses <= 8; losses++) factors.add(Cooldown.factor(losses, 3).stripTrailingZeros().toPlainString());
        assertThat(factors).containsExactly("1", "1", "1", "0.5", "0.25", "0.125", "0.1", "0.1", "0.1");
    }

    @Test
    void aStreakCountsLossesAtTheNewestEndAndAWinEndsIt() {
        assertThat(Cooldown.streak(List.of(dec("-1"), dec("-2"), dec("3"), dec("-4")))).isEqualTo(2);
        assertThat(Cooldown.streak(List.of(dec("5"), dec("-1"), dec("-1")))).isZero();
        assertThat(Cooldown.streak(List.of(dec("-1"), dec("0"), dec("-1")))).isEqualTo(2);
        assertThat(Cooldown.streak(List.of())).isZero();
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** One losing (or winning) round trip of bot a: returns the quantity the gateway let the entry have. */
    private static BigDecimal roundTrip(RiskFixture f, long t, String exitPrice) {
        List<Intent> entry = f.trade(t, f.entry("a", "10", "100"));
        assertThat(entry).hasSize(1);
        f.prices("BTC/USDT", exitPrice);  // the market moved there: the exit is inside the price collar
        assertThat(f.trade(t + 1, f.exit("a", exitPrice))).hasSize(1);
        f.prices("BTC/USDT", "100");
        return entry.getFirst().qty();
    }

    @Test
    void realLosingTradesShrinkTheNextEntriesAndAWinRestoresThem() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            List<String> sizes = new ArrayList<>();
            for (int i = 0; i < 8; i++) sizes.add(roundTrip(f, T0 + HOUR + i * 1_000L, "99").stripTrailingZeros().toPlainString());
            // the 4th entry follows 3 losses: 50%; then 25%, 12.5% and the 10% floor
            assertThat(sizes).containsExactly("10", "10", "10", "5", "2.5", "1.25", "1", "1");
            assertThat(f.gateway.refreshStatus(T0 + HOUR).bots().get("a").lossesInARow()).isEqualTo(8);
            List<Intent> shrunk = f.review(T0 + 2 * HOUR, f.entry("a", "10", "100"));
            assertThat(shrunk.getFirst().reason()).contains("size x0.1 after 8 losses in a row");
            f.gateway.settled(shrunk);
            assertThat(roundTrip(f, T0 + 2 * HOUR, "110")).isEqualByComparingTo("1");  // this one wins
            assertThat(roundTrip(f, T0 + 3 * HOUR, "99")).isEqualByComparingTo("10");  // full size again
            assertThat(f.gateway.refreshStatus(T0 + 3 * HOUR).bots().get("a").lossesInARow()).isEqualTo(1);
        }
    }

    @Test
    void theCountersFollowedAsOrdersSettleAreWhatAStartReadsFromTheStore() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            List<String> followed = new ArrayList<>();
            List<String> read = new ArrayList<>();
            String[] exits = {"99", "99", "110", "99", "100", "99", "99", "99"};
            for (int i = 0; i < exits.length; i++) {
                long t = T0 + HOUR + i * 7 * HOUR;  // over two UTC days
                f.gateway.refreshStatus(t);  // the counters are held from here on, and followed
                roundTrip(f, t, exits[i]);
                var a = f.gateway.refreshStatus(t + 2).bots().get("a");
                var b = f.restarted(t + 2).refreshStatus(t + 2).bots().get("a");
                followed.add(a.tradesToday() + "/" + a.lossesInARow());
                read.add(b.tradesToday() + "/" + b.lossesInARow());
            }
            // entries of the day start again at midnight; an exit at the entry price still loses its fees
            assertThat(followed).isEqualTo(read).containsExactly("1/1", "2/2", "3/0", "4/1", "1/2", "2/3", "3/4", "1/5");
        }
    }

    @Test
    void whenTheCooldownLeavesNothingToBuyTheEntryIsRefused() {
        try (RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT"), PriceHistory.NONE)) {
            f.prices("BTC/USDT", "100");
            for (int i = 0; i < 3; i++) roundTrip(f, T0 + HOUR + i * 1_000L, "99");
            assertThat(f.review(T0 + 2 * HOUR, f.entry("a", "0.000001", "100"))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("SIZE_TOO_SMALL");
            assertThat(f.review(T0 + 2 * HOUR, f.entry("a", "0.000002", "100"))).singleElement()
                    .satisfies(i -> assertThat(i.qty()).isEqualByComparingTo("0.000001"));
        }
    }
}
