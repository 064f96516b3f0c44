package dev.flotilla.engine.backtest;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@OnBothStores
class BacktestServiceTest {

    static final long FROM = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000;

    @TempDir
    Path dir;

    static BacktestApi.Job await(BacktestApi.Job job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!job.done() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(job.done()).as("the job ended in time").isTrue();
        return job;
    }

    @Test
    void aBacktestAndASweepRunInTheBackgroundAndTheirRunsReadBack() throws Exception {
        try (Store store = new Store(TestStores.open(dir))) {
            FleetSeeder.seedIfEmpty(store, FleetFileTest.defaultFleet(), FROM);
            BacktestService service = new BacktestService(store, StrategyRegistry.builtin(), "history in " + dir);
            BacktestApi.Job job = service.backtest(new BacktestApi.Draft(List.of("ema-btc-15m", "donch-sol-1h"), FROM, FROM + 7 * DAY,
                    BigDecimal.TEN, new BigDecimal("5"), 7L));
            assertThat(service.current()).contains(job);
            await(job);
            assertThat(job.error()).isNull();
            assertThat(job.progress()).isEqualTo(1.0);
            long id = job.runIds().getFirst();
            assertThat(service.runs(5)).extracting(BacktestApi.Run::id).containsExactly(id);
            assertThat(service.figures(id)).extracting(RunFigures::id).containsExactly("ema-btc-15m", "donch-sol-1h", "*");
            assertThat(service.equity(id, "*").size()).isEqualTo(7 * 24 + 1);
            assertThat(service.candles(id, "donch-sol-1h")).hasSize(7 * 24);
            assertThat(service.trades(id)).isNotEmpty();

            BacktestApi.Job sweep = service.sweep(new BacktestApi.SweepDraft("ema-btc-15m", List.of("fastPeriod=5..6:1",
                    "slowPeriod=20,30"), FROM, FROM + 5 * DAY, BigDecimal.TEN, BigDecimal.ZERO, 7L, "sharpe", 2));
            await(sweep);
            assertThat(sweep.error()).isNull();
            assertThat(sweep.runIds()).hasSize(5);
            String label = service.runs(1).getFirst().label();
            assertThat(label).endsWith(" best");
            assertThat(service.sweepFigures(label.substring(0, label.length() - " best".length())))
                    .hasSize(4).extracting(f -> f.params().get("fastPeriod")).containsOnly(5.0, 6.0);
        }
    }

    @Test
    void aJobCanBeCancelledAndBadDraftsAreRefusedByField() throws Exception {
        try (Store store = new Store(TestStores.open(dir))) {
            FleetSeeder.seedIfEmpty(store, FleetFileTest.defaultFleet(), FROM);
            BacktestService service = new BacktestService(store, StrategyRegistry.builtin(), "history in " + dir);
            assertThatThrownBy(() -> service.backtest(new BacktestApi.Draft(List.of("nobody"), FROM, FROM + DAY, BigDecimal.TEN,
                    BigDecimal.ZERO, 7L))).isInstanceOf(InvalidInputException.class).hasMessageContaining("no bot 'nobody'");
            assertThatThrownBy(() -> service.backtest(new BacktestApi.Draft(List.of(), FROM, FROM, BigDecimal.TEN,
                    BigDecimal.ZERO, 7L))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
            assertThatThrownBy(() -> service.sweep(new BacktestApi.SweepDraft("ema-btc-15m", List.of("period=1..3"), FROM,
                    FROM + DAY, BigDecimal.TEN, BigDecimal.ZERO, 7L, "sharpe", 1)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("params"));

            BacktestApi.Job longJob = service.backtest(new BacktestApi.Draft(List.of(), FROM, FROM + 120 * DAY, BigDecimal.TEN,
                    BigDecimal.ZERO, 7L));
            assertThatThrownBy(() -> service.backtest(new BacktestApi.Draft(List.of(), FROM, FROM + DAY, BigDecimal.TEN,
                    BigDecimal.ZERO, 7L))).isInstanceOf(InvalidInputException.class).hasMessageContaining("is still running");
            longJob.cancel();
            await(longJob);
            assertThat(longJob.error()).isEqualTo("cancelled");
            assertThat(longJob.status()).isEqualTo("cancelled");
            assertThat(service.runs(5)).as("a cancelled run stores nothing").isEmpty();
        }
    }
}
