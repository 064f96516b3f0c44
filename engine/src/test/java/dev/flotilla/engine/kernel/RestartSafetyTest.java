package dev.flotilla.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartSafetyTest {

    @TempDir
    Path dir;

    @Test
    void anEditedAccountHaltsTheFleetAtStartUntilTheOperatorDecides() throws Exception {
        List<Fill> before;
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(Duration.ofDays(1))) {
            before = h.fills();
            assertThat(h.engine.haltReason()).isNull();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("flotilla.db"));
             var st = c.createStatement()) {
            st.executeUpdate("UPDATE accounts SET cash = '12345.67' WHERE bot_id = 'ema-btc-15m'");
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).contains("reconciliation");
            assertThat(h.engine.reconciliationDifferences()).isNotEmpty()
                    .allMatch(d -> d.startsWith("ema-btc-15m: USDT balance is 12345.67 in the ledger but "));
            h.runFor(Duration.ofDays(2));
            // halted: a whole simulated day passed and nothing traded
            assertThat(h.fills()).isEqualTo(before);
            assertThat(h.events).anyMatch(e -> e instanceof SystemEvent.ReconciliationMismatch m
                    && m.botId().equals("ema-btc-15m") && m.detail().contains("12345.67"));
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).isNotNull();  // still halted after a restart: nobody decided yet
            h.engine.acceptBrokerView();
            assertThat(h.engine.haltReason()).isNull();
            assertThat(h.engine.reconciliationDifferences()).isEmpty();
            h.runFor(Duration.ofDays(3));
            assertThat(h.fills()).hasSizeGreaterThan(before.size());
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.haltReason()).as("the accepted correction keeps the books balanced").isNull();
        }
    }

    @Test
    void aFullDiskPausesTheBotsAndTheyResumeWithoutLosingOrDoublingATrade() throws Exception {
        List<Fill> uninterrupted;
        try (EngineHarness h = EngineHarness.open(dir.resolve("clean"), 5, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(Duration.ofDays(1))) {
            uninterrupted = h.fills();
        }
        try (EngineHarness h = EngineHarness.open(dir.resolve("full"), 5, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            h.runFor(Duration.ofHours(6));
            var db = h.store.database();
            db.setPageLimit(db.pageCount());
            h.engine.start(h.engine.engineStart() + Duration.ofDays(1).toMillis());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (h.engine.storeProblem() == null && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(h.engine.storeProblem()).contains("paused").contains("full");
            db.setPageLimit(1_000_000_000L);
            h.engine.awaitTermination();
            assertThat(h.engine.failure()).isNull();
            assertThat(h.engine.storeProblem()).isNull();
            assertThat(h.fills()).isEqualTo(uninterrupted);
            assertThat(h.store.orders(OrderStatus.PENDING)).isEmpty();
        }
    }
}
