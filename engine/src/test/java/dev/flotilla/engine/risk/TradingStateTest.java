package dev.flotilla.engine.risk;

import dev.flotilla.engine.store.OnBothStores;
import static dev.flotilla.engine.risk.RiskFixture.DAY;
import static dev.flotilla.engine.risk.RiskFixture.HOUR;
import static dev.flotilla.engine.risk.RiskFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.TradingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACTIVE, REDUCING and HALTED for bots and the fleet: what each lets through, what latches them, what lifts them. */
@OnBothStores
class TradingStateTest {

    @TempDir
    java.nio.file.Path dir;

    private RiskFixture open() {
        RiskFixture f = RiskFixture.open(dir, RiskFixture.bots("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT"), PriceHistory.NONE);
        f.prices("BTC/USDT", "100", "ETH/USDT", "100", "SOL/USDT", "100", "BNB/USDT", "100");
        return f;
    }

    private static List<RiskEvent.TradingStateChanged> changes(List<EngineEvent> events) {
        return events.stream().filter(e -> e instanceof RiskEvent.TradingStateChanged)
                .map(e -> (RiskEvent.TradingStateChanged) e).toList();
    }

    @Test
    void reducingLetsExitsThroughAndBlocksEntries() {
        try (RiskFixture f = open()) {
            assertThat(f.trade(T0 + HOUR, f.entry("a", "10", "100"))).hasSize(1);
            f.cash("b", "8000");  // the fleet is down more than 3% on the day
            f.evaluate(T0 + 2 * HOUR);
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.REDUCING);
            assertThat(f.records.states().get(RiskState.FLEET).state()).isEqualTo(TradingState.REDUCING);
            assertThat(f.events).anyMatch(e -> e instanceof RiskEvent.CircuitBreakerFired c && c.breaker().equals("FLEET_DAILY_LOSS"));
            assertThat(changes(f.events)).filteredOn(c -> c.botId() == null).singleElement()
                    .satisfies(c -> assertThat(c.to()).isEqualTo("REDUCING"));
            assertThat(f.review(T0 + 2 * HOUR, f.entry("c", "1", "100"))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("FLEET_DAILY_LOSS");
            assertThat(f.trade(T0 + 2 * HOUR, f.exit("a", "100"))).hasSize(1);
            assertThat(f.bot("a").position()).isNull();
            // recovering does not lift it: the breaker latches until the next UTC day
            f.cash("b", "10000");
            f.evaluate(T0 + 3 * HOUR);
            assertThat(f.review(T0 + DAY - 1_000, f.entry("c", "1", "100"))).isEmpty();
            assertThat(f.review(T0 + DAY, f.entry("c", "1", "100"))).hasSize(1);
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.ACTIVE);
        }
    }

    @Test
    void theDailyLossLimitLiftsAtMidnightUtcAndNotASecondEarlier() {
        try (RiskFixture f = open()) {
            f.cash("a", "9000");
            f.evaluate(T0 + 15 * HOUR);
            assertThat(f.gateway.botState("a")).isEqualTo(TradingState.REDUCING);
            f.cash("a", "10000");  // recovered, but the limit holds for the rest of the day
            f.evaluate(T0 + 20 * HOUR);
            for (long t : new long[] {T0 + 20 * HOUR, T0 + DAY - 1_000, T0 + DAY - 1}) {
                assertThat(f.review(t, f.entry("a", "1", "100"))).as("at %d ms before midnight", T0 + DAY - t).isEmpty();
                assertThat(f.lastRejection().code()).isEqualTo("DAILY_LOSS_LIMIT");
            }
            assertThat(f.review(T0 + DAY, f.entry("a", "1", "100"))).hasSize(1);
            assertThat(f.gateway.botState("a")).isEqualTo(TradingState.ACTIVE);
            var lifted = changes(f.events).getLast();
            assertThat(lifted.time()).isEqualTo(T0 + DAY);
            assertThat(lifted.from()).isEqualTo("REDUCING");
            assertThat(lifted.to()).isEqualTo("ACTIVE");
            assertThat(f.records.states().get("a").day()).isEqualTo((T0 + DAY) / DAY);
            assertThat(f.records.states().get("a").dailyLossLatched()).isFalse();
        }
    }

    @Test
    void theDrawdownBreakerHoldsTheBotHaltedUntilAnOperatorResetsIt() {
        try (RiskFixture f = open()) {
            f.gateway.setPortfolioLimits(Map.of("fleetDailyLoss", "1", "portfolioDrawdown", "1"));
            f.cash("a", "7000");
            f.evaluate(T0 + HOUR);
            assertThat(f.gateway.botState("a")).isEqualTo(TradingState.HALTED);
            f.cash("a", "10000");
            f.evaluate(T0 + DAY);  // neither recovery nor a new day lifts it
            assertThat(f.gateway.botState("a")).isEqualTo(TradingState.HALTED);
            assertThat(f.review(T0 + DAY, f.entry("a", "1", "100"), f.exit("a", "100"))).isEmpty();
            assertThat(f.records.events(10)).filteredOn(r -> r.kind() == RiskRecord.Kind.REJECTED)
                    .extracting(RiskRecord::code).containsOnly("DRAWDOWN_BREAKER");
            f.cash("a", "9600");
            List<EngineEvent> out = new ArrayList<>();
            assertThat(f.resetBreaker("a", T0 + DAY + HOUR, out)).isTrue();
            assertThat(f.gateway.botState("a")).isEqualTo(TradingState.ACTIVE);
            // the peak starts again from the equity at the reset, in memory and in the store
            assertThat(f.bot("a").state().peakEquity()).isEqualByComparingTo("9600");
            assertThat(f.store.botStates().get("a").peakEquity()).isEqualByComparingTo("9600");
            assertThat(changes(out)).singleElement().satisfies(c -> assertThat(c.reason()).contains("reset by the operator"));
            assertThat(f.review(T0 + DAY + HOUR, f.entry("a", "1", "100"))).hasSize(1);
        }
    }

    @Test
    void thePortfolioDrawdownIsMeasuredFromAPeakTakenOnTheHourAndHoldsUntilReset() {
        try (RiskFixture f = open()) {
            f.gateway.setPortfolioLimits(Map.of("fleetDailyLoss", "1"));
            f.cash("a", "14000");
            f.evaluate(T0 + HOUR + 10_000);  // not on the hour: the peak stays
            assertThat(f.records.states().get(RiskState.FLEET).peakEquity()).isEqualByComparingTo("40000");
            f.evaluate(T0 + 2 * HOUR);
            assertThat(f.records.states().get(RiskState.FLEET).peakEquity()).isEqualByComparingTo("44000");
            f.cash("a", "10000");
            f.cash("b", "7400");  // 37,400 is exactly 15% below 44,000
            f.evaluate(T0 + 2 * HOUR + 10_000);
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.REDUCING);
            f.cash("b", "10000");
            f.evaluate(T0 + DAY);
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.REDUCING);
            assertThat(f.gateway.resetPortfolioBreaker(T0 + DAY, new ArrayList<>())).isTrue();
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.ACTIVE);
            assertThat(f.records.states().get(RiskState.FLEET).peakEquity()).isEqualByComparingTo("40000");
        }
    }

    @Test
    void theKillSwitchHaltsEveryAutomatedOrderButNotTheOperatorsFlatten() {
        try (RiskFixture f = open()) {
            assertThat(f.trade(T0 + HOUR, f.entry("a", "10", "100"))).hasSize(1);
            List<EngineEvent> out = new ArrayList<>();
            f.gateway.killSwitch(true, "halt", T0 + HOUR, out);
            assertThat(f.store.setting(RiskBook.KILL_SWITCH)).contains("on");
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.HALTED);
            assertThat(changes(out)).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo("HALTED"));
            assertThat(f.review(T0 + HOUR, f.entry("b", "1", "100"))).isEmpty();
            assertThat(f.lastRejection().code()).isEqualTo("KILL_SWITCH");
            // a stop that keeps firing every mark is refused every time and recorded once
            for (int i = 0; i < 5; i++) {
                Intent stop = new Intent(f.bot("a").book(), Side.SELL, f.bot("a").position().qty(), f.bot("a").position().stopPrice(),
                        "STOP_LOSS", "test", null);
                assertThat(f.review(T0 + HOUR + i * 10_000L, stop)).isEmpty();
            }
            assertThat(f.records.events(100)).filteredOn(r -> r.code().equals("KILL_SWITCH")).hasSize(2);
            Intent flatten = new Intent(f.bot("a").book(), Side.SELL, f.bot("a").position().qty(), f.bot("a").position().entryPrice(),
                    RiskGateway.FLATTEN, "operator", null);
            assertThat(f.trade(T0 + HOUR, flatten)).hasSize(1);
            assertThat(f.bot("a").position()).isNull();
            f.gateway.killSwitch(false, "switched off", T0 + 2 * HOUR, out);
            assertThat(f.gateway.fleetState()).isEqualTo(TradingState.ACTIVE);
            assertThat(f.store.setting(RiskBook.KILL_SWITCH)).contains("off");
            assertThat(f.review(T0 + 2 * HOUR, f.entry("b", "1", "100"))).hasSize(1);
        }
    }

    @Test
    void statesLatchesAndTheSwitchAreReadBackFromTheStoreAfterARestart() {
        RiskStatus before;
        try (RiskFixture f = open()) {
            f.gateway.setPortfolioLimits(Map.of("fleetDailyLoss", "1", "portfolioDrawdown", "1"));
            f.gateway.setBotLimits("c", Map.of("maxTradesPerDay", "7"), 0, ParamChange.CONSOLE);
            f.cash("a", "7000");
            f.cash("b", "9400");
            f.evaluate(T0 + HOUR);
            f.gateway.killSwitch(true, "halt", T0 + HOUR, new ArrayList<>());
            before = f.gateway.refreshStatus(T0 + HOUR);
        }
        try (RiskFixture f = open()) {
            f.cash("a", "7000");
            f.cash("b", "9400");
            RiskStatus after = f.gateway.refreshStatus(T0 + HOUR);
            assertThat(after.bots()).isEqualTo(before.bots());
            assertThat(after.fleetState()).isEqualTo(TradingState.HALTED);
            assertThat(after.killSwitch()).isTrue();
            assertThat(after.bots().get("a").state()).isEqualTo(TradingState.HALTED);
            assertThat(after.bots().get("b").state()).isEqualTo(TradingState.REDUCING);
            assertThat(after.limits()).isEqualTo(before.limits());
            assertThat(f.gateway.limits("c").maxTradesPerDay()).isEqualTo(7);
        }
    }
}
