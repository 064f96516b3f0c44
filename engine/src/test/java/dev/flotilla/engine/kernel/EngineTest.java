package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.ParamSpec;
import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.Strategy;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.StrategyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@OnBothStores
class EngineTest {

    @TempDir
    Path dir;

    private static List<BotSpec> fleet() throws Exception {
        return FleetFileTest.defaultFleet();
    }

    @Test
    void marketDataIsFetchedOncePerFeedPerCandleCloseNotPerBot() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            List<Feed> feeds = h.engine.feeds();
            assertThat(feeds).hasSize(39);
            long expectedTotal = 0;
            for (Feed f : feeds) {
                long closesInADay = Duration.ofDays(1).toMillis() / f.timeframe().millis();
                assertThat(h.market.candleRequestCount(f)).as(f.toString()).isEqualTo(closesInADay);
                expectedTotal += closesInADay;
            }
            assertThat(h.market.candleRequestCount()).isEqualTo(expectedTotal).isEqualTo(13 * (96 + 24 + 6));
            // SOL/USDT 1h is traded by two bots and still fetched once per close
            assertThat(fleet().stream().filter(b -> b.feed().toString().equals("SOL/USDT 1h")).count()).isEqualTo(2);
            assertThat(h.engine.market().candleRequests()).isEqualTo(h.market.candleRequestCount());
        }
    }

    @Test
    void inASimulatedWeekEveryStrategyTypeOpensAndClosesPositions() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(7))) {
            Map<String, String> typeOf = fleet().stream().collect(Collectors.toMap(BotSpec::id, BotSpec::strategy));
            Set<String> closedBy = h.store.closedTrades().stream().map(t -> typeOf.get(t.botId())).collect(Collectors.toSet());
            Set<String> openedBy = h.fills().stream().filter(f -> f.side().name().equals("BUY"))
                    .map(f -> typeOf.get(f.botId())).collect(Collectors.toSet());
            assertThat(openedBy).containsExactlyInAnyOrderElementsOf(StrategyRegistry.builtin().types().stream()
                    .map(StrategyType::id).toList());
            assertThat(closedBy).isEqualTo(openedBy);
            // the books balance: every closed trade's quantity was bought and sold once
            for (ClosedTrade t : h.store.closedTrades()) assertThat(t.qty().signum()).isPositive();
            assertThat(h.store.orders(OrderStatus.PENDING)).isEmpty();
        }
    }

    @Test
    void aBotThatThrowsGoesToErrorAndTheOthersKeepTrading() throws Exception {
        StrategyType broken = new StrategyType() {
            public String id() { return "broken"; }
            public String displayName() { return "Broken"; }
            public List<ParamSpec> params() { return List.of(); }
            public Strategy create(Map<String, Double> params) {
                return series -> new BoundStrategy() {
                    public void prime(int index) { }
                    public Decision evaluate(int index, OpenPosition position) {
                        throw new IllegalStateException("indicator blew up");
                    }
                };
            }
            public int warmupBars(Map<String, Double> params) { return 1; }
        };
        List<StrategyType> types = new ArrayList<>(StrategyRegistry.builtin().types());
        types.add(broken);
        StrategyRegistry registry = new StrategyRegistry(types);
        List<BotSpec> specs = new ArrayList<>(fleet());
        BotSpec victim = specs.removeFirst();
        specs.addFirst(new BotSpec(victim.id(), "broken", victim.symbol(), victim.timeframe(), Map.of(), victim.capital()));
        try (EngineHarness h = EngineHarness.open(dir, 7, specs, registry).runFor(Duration.ofDays(2))) {
            var errors = h.events.stream().filter(e -> e instanceof BotEvent.BotError).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().botId()).isEqualTo(victim.id());
            assertThat(((BotEvent.BotError) errors.getFirst()).cause()).contains("indicator blew up");
            assertThat(h.store.botStates().get(victim.id()).status()).isEqualTo(BotStatus.ERROR);
            assertThat(h.store.botStates().get(victim.id()).lastError()).contains("indicator blew up");
            // the other 44 kept ticking to the end and traded
            long end = h.engine.engineStart() + Duration.ofDays(2).toMillis();
            h.store.botStates().values().stream().filter(s -> !s.botId().equals(victim.id())).forEach(s -> {
                assertThat(s.status()).isEqualTo(BotStatus.RUNNING);
                assertThat(s.lastClose()).isGreaterThan(end - Duration.ofHours(5).toMillis());
            });
            assertThat(h.fills()).isNotEmpty().noneMatch(f -> f.botId().equals(victim.id()));
        }
    }

    @Test
    void theSameSeedGivesTheSameTradesAndADifferentSeedOthers() throws Exception {
        List<Fill> first;
        try (EngineHarness h = EngineHarness.open(dir.resolve("a"), 7, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            first = h.fills();
        }
        try (EngineHarness h = EngineHarness.open(dir.resolve("b"), 7, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            assertThat(h.fills()).isEqualTo(first);
        }
        try (EngineHarness h = EngineHarness.open(dir.resolve("c"), 8, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            assertThat(h.fills()).isNotEqualTo(first);
        }
        assertThat(first).hasSizeGreaterThan(10);
    }

    @Test
    void aDayRunInTwoHalvesWithARestartTradesExactlyLikeAnUninterruptedDay() throws Exception {
        List<Fill> whole;
        try (EngineHarness h = EngineHarness.open(dir.resolve("whole"), 11, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            whole = h.fills();
        }
        Path halves = dir.resolve("halves");
        try (EngineHarness h = EngineHarness.open(halves, 11, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofHours(13))) {
            assertThat(h.fills().size()).isLessThan(whole.size());
        }
        try (EngineHarness h = EngineHarness.open(halves, 11, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(1))) {
            assertThat(h.fills()).isEqualTo(whole);
            assertThat(h.store.closedTrades()).isNotEmpty();
        }
    }

    @Test
    void eventsArePublishedOnlyForWhatTheStoreHolds() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet(), StrategyRegistry.builtin()).runFor(Duration.ofHours(12))) {
            h.engine.events().close();  // closing waits until every queued event has been delivered
            Set<String> stored = h.fills().stream().map(Fill::clientOrderId).collect(Collectors.toSet());
            List<EngineEvent> filled = h.events.stream().filter(e -> e.type().name().equals("ORDER_FILLED")).toList();
            assertThat(filled).hasSize(stored.size());
            assertThat(filled).allMatch(e -> stored.contains(((dev.flotilla.engine.event.OrderEvent) e).clientOrderId()));
        }
    }
}
