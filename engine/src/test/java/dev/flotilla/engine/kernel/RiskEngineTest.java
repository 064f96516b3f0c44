package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.RiskView;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.TradingState;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk hierarchy in the running engine: the kill switch, halt and flatten, REDUCING, restarts, the API. */
@OnBothStores
class RiskEngineTest {

    static final long DAY = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;

    private static List<BotSpec> fleet() throws Exception {
        return FleetFileTest.defaultFleet();
    }

    private EngineHarness open(Path d, long seed, CountingBroker[] counter) throws Exception {
        return EngineHarness.open(d, seed, fleet(), StrategyRegistry.builtin(), b -> counter[0] = new CountingBroker(b));
    }

    @Test
    void withTheKillSwitchOnTheBrokerReceivesNoOrderInASimulatedDay() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        try (EngineHarness h = open(dir, 7, broker)) {
            h.engine.risk().killSwitchOn(false);
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");
            h.runFor(Duration.ofDays(1));
            assertThat(broker[0].submitted).hasValue(0);
            assertThat(h.store.count("orders")).isZero();
            RunSummary summary = RunSummary.of(h.engine, h.store);
            assertThat(summary.ordersSent()).isZero();
            assertThat(summary.rejections().get("KILL_SWITCH")).isPositive();
            assertThat(summary.format()).contains("orders sent: 0", "KILL_SWITCH");
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");
        }
    }

    @Test
    void theSwitchABreakerLatchAndTheDailyCountersSurviveARestart() throws Exception {
        RiskView before;
        Map<String, dev.flotilla.engine.model.RiskState> stored;
        CountingBroker[] broker = new CountingBroker[1];
        try (EngineHarness h = open(dir, 11, broker)) {
            // any fall from a bot's peak latches its drawdown breaker
            for (BotSpec b : fleet()) h.engine.risk().setBotLimits(b.id(), Map.of("drawdown", "0.001"));
            h.runFor(Duration.ofHours(13));
            h.engine.risk().killSwitchOn(false);
            before = h.engine.risk().status();
            stored = new RiskStore(h.store).states();
        }
        assertThat(before.killSwitch()).isTrue();
        assertThat(before.bots().values()).anyMatch(b -> b.state() == TradingState.HALTED);
        assertThat(before.bots().values()).anyMatch(b -> b.tradesToday() > 0);
        try (EngineHarness h = open(dir, 11, broker)) {
            RiskView after = h.engine.risk().status();
            assertThat(after.bots()).isEqualTo(before.bots());
            assertThat(after.fleetState()).isEqualTo(TradingState.HALTED);
            assertThat(after.killSwitch()).isTrue();
            assertThat(after.dayOpenEquity()).isEqualTo(before.dayOpenEquity());
            assertThat(after.peakEquity()).isEqualTo(before.peakEquity());
            assertThat(new RiskStore(h.store).states()).isEqualTo(stored);
            assertThat(h.engine.risk().botLimits(fleet().getFirst().id()).value("drawdown")).isEqualByComparingTo("0.001");
            h.runFor(Duration.ofDays(1));
            assertThat(broker[0].submitted).hasValue(0);
        }
    }

    @Test
    void haltAndFlattenClosesEveryOpenPositionAndLeavesTheFleetHalted() throws Exception {
        CountingBroker[] broker = new CountingBroker[1];
        int open;
        try (EngineHarness h = open(dir, 7, broker)) {
            h.runFor(Duration.ofHours(12));
            open = h.store.openPositions().size();
            assertThat(open).isPositive();
            int sentBefore = broker[0].submitted.get();
            h.engine.risk().killSwitchOn(true);
            assertThat(h.store.openPositions()).isEmpty();
            assertThat(h.store.closedTrades()).filteredOn(t -> t.exitReason().equals("FLATTEN")).hasSize(open);
            assertThat(broker[0].submitted.get() - sentBefore).isEqualTo(open);
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");
            assertThat(h.engine.snapshot().openPositions()).isZero();
            h.engine.events().close();
            assertThat(h.events).anyMatch(e -> e instanceof RiskEvent.TradingStateChanged t && t.botId() == null
                    && t.to().equals("HALTED") && t.reason().contains("halt and flatten"));
        }
        try (EngineHarness h = open(dir, 7, broker)) {
            h.runFor(Duration.ofDays(1));
            assertThat(broker[0].submitted).hasValue(0);
            assertThat(h.engine.snapshot().state()).isEqualTo("HALTED");
        }
    }

    @Test
    void aReducingFleetClosesPositionsButOpensNoneUntilMidnightUtc() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin())) {
            h.engine.risk().setPortfolioLimits(Map.of("fleetDailyLoss", "0.0005"));  // 225 USDT of 450,000
            h.runFor(Duration.ofDays(2));
            h.engine.events().close();
            List<RiskEvent.TradingStateChanged> fleetChanges = h.events.stream()
                    .filter(e -> e instanceof RiskEvent.TradingStateChanged t && t.botId() == null)
                    .map(e -> (RiskEvent.TradingStateChanged) e).toList();
            RiskEvent.TradingStateChanged reducing = fleetChanges.getFirst();
            assertThat(reducing.to()).isEqualTo("REDUCING");
            long midnight = Math.floorDiv(reducing.time(), DAY) * DAY + DAY;
            assertThat(reducing.time()).isLessThan(midnight - Duration.ofHours(1).toMillis());
            RiskEvent.TradingStateChanged lifted = fleetChanges.get(1);
            assertThat(lifted.to()).isEqualTo("ACTIVE");
            assertThat(lifted.time()).isEqualTo(midnight);
            List<Order> during = h.store.orders(OrderStatus.FILLED).stream()
                    .filter(o -> o.createdAt() >= reducing.time() && o.createdAt() < midnight).toList();
            assertThat(during).isNotEmpty().allMatch(o -> !o.purpose().equals("ENTRY"));
            List<EngineEvent> refused = h.events.stream().filter(e -> e instanceof RiskEvent.RiskRejected r
                    && r.code().equals("FLEET_DAILY_LOSS")).toList();
            assertThat(refused).isNotEmpty().allMatch(e -> e.time() >= reducing.time());
            assertThat(refused).anyMatch(e -> e.time() < midnight);
        }
    }

    @Test
    void limitsGoThroughTheApiCheckedFirstAndABadOneChangesNothing() throws Exception {
        String bot = fleet().getFirst().id();
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin())) {
            var api = h.engine.risk();
            assertThatThrownBy(() -> api.setBotLimits(bot, Map.of("stopLoss", "0.6"))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("stopLoss must be a number above 0 and at most 0.5 (50%); got 0.6");
            assertThatThrownBy(() -> api.setPortfolioLimits(Map.of("maxExposure", "lots")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxExposure").hasMessageContaining("not a number");
            assertThatThrownBy(() -> api.setBotLimits("nobody", Map.of("stopLoss", "0.02")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bot 'nobody'");
            // a check says the same as a refusal, and changes nothing either
            InvalidInputException check = api.checkBotLimits(bot, Map.of("trailingStop", "0.51"));
            assertThat(check.field()).isEqualTo("trailingStop");
            assertThat(check).hasMessage("trailingStop must be a number from 0 (off) to 0.5 (50%); got 0.51");
            assertThat(api.checkBotLimits(bot, Map.of("trailingStop", "0.05"))).isNull();
            assertThat(api.checkPortfolioLimits(Map.of("maxSymbolValue.BTC/USDT", "0")).field()).isEqualTo("maxSymbolValue.BTC/USDT");
            assertThat(api.checkPortfolioLimits(Map.of("maxSymbolValue.BTC/USDT", "900"))).isNull();
            assertThat(new RiskStore(h.store).limits()).isEmpty();
            // the limits come with their descriptions
            var limits = api.botLimits(bot);
            assertThat(limits.limits()).extracting(l -> l.name()).containsExactlyElementsOf(limits.values().keySet());
            var stop = limits.info("stopLoss");
            assertThat(stop.label()).isEqualTo("Stop-loss");
            assertThat(stop.unit()).isEqualTo("%");
            assertThat(stop.show(stop.defaultValue())).isEqualTo("3%");
            assertThat(stop.allowed()).isEqualTo("above 0, at most 50%");
            assertThat(stop.range()).isEqualTo("a number above 0 and at most 0.5 (50%)");
            assertThat(api.portfolioLimits().info("maxOrderValue").show(new BigDecimal("5000"))).isEqualTo("5,000 USDT");
            assertThat(api.status().limits().value("maxExposure")).isEqualByComparingTo("0.5");
            // every bot's stop-loss at 1%: every entry of the day gets a stop at most 1% below its price
            for (BotSpec b : fleet()) api.setBotLimits(b.id(), Map.of("stopLoss", "0.01"));
            h.runFor(Duration.ofDays(1));
            List<Order> entries = h.store.orders(OrderStatus.FILLED).stream().filter(o -> o.purpose().equals("ENTRY")).toList();
            assertThat(entries).isNotEmpty().allSatisfy(o -> assertThat(o.stopPrice())
                    .isGreaterThanOrEqualTo(o.refPrice().multiply(new BigDecimal("0.99")).setScale(8, java.math.RoundingMode.HALF_EVEN)));
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin())) {
            // while the engine runs, a command waits for the engine thread and is stored there
            h.engine.start(h.engine.engineStart() + Duration.ofDays(3650).toMillis());
            h.engine.risk().setPortfolioLimits(Map.of("maxOrderValue", "4000"));
            h.engine.shutdown();
            assertThat(new RiskStore(h.store).limits().get("*")).containsEntry("maxOrderValue", "4000");
            assertThat(h.engine.risk().riskEvents(10)).allMatch(r -> r.kind() != null);
        }
    }

    @Test
    void everyRiskEventIsStoredBeforeItIsPublished() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin())) {
            h.engine.risk().setPortfolioLimits(Map.of("fleetDailyLoss", "0.0005"));
            h.runFor(Duration.ofDays(1));
            h.engine.events().close();
            long published = h.events.stream().filter(e -> e instanceof RiskEvent).count();
            List<RiskRecord> stored = h.engine.risk().riskEvents(100_000);
            assertThat(published).isPositive().isEqualTo(stored.size());
            assertThat(stored).anyMatch(r -> r.kind() == RiskRecord.Kind.BREAKER && r.code().equals("FLEET_DAILY_LOSS")
                    && r.numbers().contains("\"limit\":0.0005"));
            assertThat(stored).filteredOn(r -> r.kind() == RiskRecord.Kind.REJECTED)
                    .allMatch(r -> r.botId() != null && r.intent() != null && r.numbers() != null);
        }
    }
}
