package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyAcceptedSetIsRunRankedAndStoredUnderOneLabelWithTheBestInFull() throws Exception {
        Path data = dir.resolve("data");
        var r = CommandLineTest.run("sweep", "--bot", "ema-btc-15m", "--param", "fastPeriod=5..7:1", "--param", "slowPeriod=6,20",
                "--from", "2026-01-01", "--to", "2026-01-08", "--seed", "7", "--workers", "2", "--rank", "return",
                "--data-dir", data.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // 3 x 2 sets, of which fast 6 and 7 against slow 6 are refused (the fast period must be below the slow one)
        assertThat(r.out()).contains("sweeping ema-btc-15m (ema-rsi on BTCUSDT 15m): 6 sets", "2 workers")
                .contains("2 set(s) refused by the strategy").contains("top 4 of 4 sets by return:")
                .contains("ran 4 backtests");
        try (Store store = new Store(Database.open(data))) {
            BacktestStore runs = new BacktestStore(store);
            List<BacktestStore.Run> stored = runs.runs(10);
            assertThat(stored).hasSize(5);
            String label = stored.get(1).label();
            assertThat(label).startsWith("sweep ").endsWith(" ema-btc-15m");
            assertThat(stored.getFirst().label()).isEqualTo(label + " best");
            List<RunFigures> sets = runs.figuresLabelled(label);
            assertThat(sets).hasSize(4);
            // stored best first: ranked by total return, and the best one was run again with its trades and equity
            for (int i = 1; i < sets.size(); i++) {
                assertThat(sets.get(i - 1).performance().totalReturn()).isGreaterThanOrEqualTo(sets.get(i).performance().totalReturn());
            }
            long best = stored.getFirst().id();
            assertThat(runs.figures(best).getFirst().params()).isEqualTo(sets.getFirst().params());
            assertThat(runs.figures(best).getFirst().performance().totalReturn()).isEqualTo(sets.getFirst().performance().totalReturn());
            assertThat(runs.equity(best, "ema-btc-15m").size()).isEqualTo(7 * 24 + 1);
            assertThat(store.bots()).as("the live books are untouched").isEmpty();
        }
    }

    @Test
    void walkForwardReportsEachFoldInAndOutOfSample() {
        var r = CommandLineTest.run("sweep", "--bot", "donch-sol-1h", "--param", "entryPeriod=10,20", "--from", "2026-01-01",
                "--to", "2026-01-13", "--seed", "7", "--walk-forward", "2", "--workers", "2", "--data-dir", dir.resolve("wf").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("walk-forward, 2 folds, ranked by sharpe:")
                .contains("2026-01-01 to 2026-01-05", "2026-01-05 to 2026-01-09", "2026-01-09 to 2026-01-13")
                .contains("mean return in sample").contains("ran 6 backtests");
    }

    @Test
    void badRangesAndUnknownParametersAreRefusedWithTheReason() {
        String data = dir.resolve("bad").toString();
        var unknown = CommandLineTest.run("sweep", "--bot", "ema-btc-15m", "--param", "period=5..9", "--from", "2026-01-01",
                "--to", "2026-01-05", "--seed", "7", "--data-dir", data);
        assertThat(unknown.status()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("--param period: strategy ema-rsi has no such parameter; it has fastPeriod");
        var backwards = CommandLineTest.run("sweep", "--bot", "ema-btc-15m", "--param", "fastPeriod=9..5", "--from", "2026-01-01",
                "--to", "2026-01-05", "--seed", "7", "--data-dir", data);
        assertThat(backwards.status()).isEqualTo(Main.USAGE);
        assertThat(backwards.err()).contains("--param fastPeriod: 5 is below 9");
        var rank = CommandLineTest.run("sweep", "--bot", "ema-btc-15m", "--param", "fastPeriod=5..9", "--rank", "profit",
                "--from", "2026-01-01", "--to", "2026-01-05", "--seed", "7", "--data-dir", data);
        assertThat(rank.status()).isEqualTo(Main.USAGE);
        assertThat(rank.err()).contains("--rank: must be sharpe, calmar or return");
        var bot = CommandLineTest.run("sweep", "--bot", "nobody", "--param", "fastPeriod=5..9", "--from", "2026-01-01",
                "--to", "2026-01-05", "--seed", "7", "--data-dir", data);
        assertThat(bot.status()).isEqualTo(Main.USAGE);
        assertThat(bot.err()).contains("--bot: no bot 'nobody' in the fleet");
    }
}
