package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running bot's parameters and limits changed without stopping it: stored with their history, undone, refused. */
@OnBothStores
class ParamHistoryTest {

    @TempDir
    Path dir;

    /** Runs day by day until an EMA bot on a short timeframe is running and holds a position; returns its id. */
    private static String holdingEmaBot(EngineHarness h) throws InterruptedException {
        for (int day = 1; day <= 20; day++) {
            h.runFor(Duration.ofDays(day));
            var bot = h.engine.snapshot().bots().stream()
                    .filter(b -> b.strategy().equals("ema-rsi") && !b.timeframe().equals("4h")
                            && b.status() == BotStatus.RUNNING && b.positionQty().signum() > 0)
                    .findFirst();
            if (bot.isPresent()) return bot.get().id();
        }
        throw new AssertionError("no EMA bot held a position in 20 days");
    }

    private static BotDraft with(BotDraft d, String param, String value) {
        Map<String, String> params = new LinkedHashMap<>(d.params());
        params.put(param, value);
        return new BotDraft(d.id(), d.strategy(), d.symbol(), d.timeframe(), params, d.capital());
    }

    /** The bot's PARAMS_CHANGED events, once {@code n} have been delivered (the bus hands them over on its own thread). */
    private static List<BotEvent.ParamsChanged> changes(EngineHarness h, String botId, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (changes(h, botId).size() < n && System.nanoTime() < deadline) Thread.sleep(10);
        return changes(h, botId);
    }

    private static List<BotEvent.ParamsChanged> changes(EngineHarness h, String botId) {
        return h.events.stream().filter(e -> e instanceof BotEvent.ParamsChanged p && p.botId().equals(botId))
                .map(e -> (BotEvent.ParamsChanged) e).toList();
    }

    @Test
    void aRunningBotHoldingAPositionTakesNewParametersAtItsNextCloseAndKeepsItsBooks() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            String id = holdingEmaBot(h);
            var risk = new RiskStore(h.store);
            var state = h.store.botStates().get(id);
            var account = h.store.accounts().get(id);
            var position = h.store.openPositions().get(id);
            var riskState = risk.states().get(id);
            BotDraft draft = h.engine.bots().draft(id).orElseThrow();
            assertThat(draft.params()).containsEntry("fastPeriod", "9");
            long changedAt = h.engine.clock().now();

            h.engine.bots().edit(id, with(draft, "fastPeriod", "12")).join();

            assertThat(h.store.botStates().get(id)).isEqualTo(state);
            assertThat(h.store.botStates().get(id).status()).isEqualTo(BotStatus.RUNNING);
            assertThat(h.store.accounts().get(id)).isEqualTo(account);
            assertThat(h.store.openPositions().get(id)).isEqualTo(position);
            assertThat(risk.states().get(id)).isEqualTo(riskState);
            assertThat(h.store.bot(id).orElseThrow().params()).containsEntry("fastPeriod", 12.0);
            List<ParamChange> history = h.engine.params().history(id);
            assertThat(history).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ParamChange.Kind.STRATEGY);
                assertThat(c.at()).isEqualTo(changedAt);
                assertThat(c.oldValues()).isEqualTo(Map.of("fastPeriod", "9"));
                assertThat(c.newValues()).isEqualTo(Map.of("fastPeriod", "12"));
                assertThat(c.source()).isEqualTo(ParamChange.CONSOLE);
                assertThat(c.lines()).containsExactly("fastPeriod 9 → 12");
            });
            assertThat(changes(h, id, 1)).singleElement().isEqualTo(new BotEvent.ParamsChanged(changedAt, id,
                    ParamChange.Kind.STRATEGY, Map.of("fastPeriod", "9"), Map.of("fastPeriod", "12"), ParamChange.CONSOLE));

            // the bot trades on: every decision after the change is the new EMA's
            long daysRun = Duration.ofMillis(changedAt - h.engine.engineStart()).toDays();
            h.runFor(Duration.ofDays(daysRun + 4));
            List<BotEvent.SignalGenerated> signals = h.events.stream()
                    .filter(e -> e instanceof BotEvent.SignalGenerated s && s.botId().equals(id) && s.time() > changedAt)
                    .map(e -> (BotEvent.SignalGenerated) e).toList();
            assertThat(signals).isNotEmpty().allSatisfy(s -> assertThat(s.reason()).startsWith("EMA 12 crossed"));
            assertThat(signals).anyMatch(s -> s.signal() == Signal.EXIT || s.signal() == Signal.ENTER);
        }
    }

    @Test
    void undoGivesTheOldValuesBackAsAChangeOfItsOwn() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            String id = holdingEmaBot(h);
            var position = h.store.openPositions().get(id);
            BotDraft draft = h.engine.bots().draft(id).orElseThrow();
            h.engine.bots().edit(id, with(with(draft, "fastPeriod", "12"), "slowPeriod", "30")).join();
            ParamChange change = h.engine.params().history(id).getFirst();
            assertThat(change.lines()).containsExactly("fastPeriod 9 → 12", "slowPeriod 21 → 30");

            h.engine.params().undo(id, change.id()).join();

            assertThat(h.store.bot(id).orElseThrow().params()).containsEntry("fastPeriod", 9.0).containsEntry("slowPeriod", 21.0);
            assertThat(h.store.openPositions().get(id)).isEqualTo(position);
            List<ParamChange> history = h.engine.params().history(id);
            assertThat(history).hasSize(2);
            assertThat(history.getFirst().source()).isEqualTo(ParamChange.UNDO);
            assertThat(history.getFirst().lines()).containsExactly("fastPeriod 12 → 9", "slowPeriod 30 → 21");
            assertThat(history.getFirst().id()).isGreaterThan(change.id());
            assertThat(changes(h, id, 2)).hasSize(2).last().extracting(BotEvent.ParamsChanged::source).isEqualTo(ParamChange.UNDO);

            // undone already: nothing is left to undo, and nothing is recorded
            assertThatThrownBy(() -> h.engine.params().undo(id, change.id()).join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining("nothing to undo");
            assertThat(h.engine.params().history(id)).hasSize(2);
            assertThatThrownBy(() -> h.engine.params().undo(id, 999_999).join()).hasMessageContaining("has no change 999999");
        }
    }

    @Test
    void aValueOutOfRangeIsRefusedWithOneMessageAndNothingChanges() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            String id = holdingEmaBot(h);
            var spec = h.store.bot(id).orElseThrow();
            BotDraft draft = h.engine.bots().draft(id).orElseThrow();

            var refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> h.engine.bots().edit(id, with(draft, "fastPeriod", "500")).join());
            BotRejectedException r = (BotRejectedException) refused.getCause();
            assertThat(r.check().problems()).hasSize(1);
            assertThat(r.check().problem(BotCheck.param("fastPeriod"))).contains("fastPeriod").contains("from 2 to 100, got 500");

            assertThat(h.store.bot(id).orElseThrow()).isEqualTo(spec);
            assertThat(h.engine.params().history(id)).isEmpty();
            Thread.sleep(200);  // what the bus would have delivered by now
            assertThat(changes(h, id)).isEmpty();

            // limits: refused in the caller's thread, naming the limit
            assertThatThrownBy(() -> h.engine.risk().setBotLimits(id, Map.of("stopLoss", "0.9")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stopLoss");
            assertThat(h.engine.risk().botLimits(id).value("stopLoss")).isEqualByComparingTo("0.03");
            assertThat(h.engine.params().history(id)).isEmpty();
        }
    }

    @Test
    void aChangeOfLimitsIsRecordedAndUndone() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            String id = holdingEmaBot(h);
            long at = h.engine.clock().now();
            h.engine.risk().setBotLimits(id, Map.of("stopLoss", "0.02", "maxTradesPerDay", "20"));  // 20 is the default
            assertThat(h.engine.risk().botLimits(id).value("stopLoss")).isEqualByComparingTo("0.02");
            ParamChange change = h.engine.params().history(id).getFirst();
            assertThat(change.kind()).isEqualTo(ParamChange.Kind.LIMITS);
            assertThat(change.at()).isEqualTo(at);
            assertThat(change.lines()).as("only what changed").containsExactly("stopLoss 0.03 → 0.02");
            assertThat(changes(h, id, 1)).singleElement().extracting(BotEvent.ParamsChanged::kind).isEqualTo(ParamChange.Kind.LIMITS);

            h.engine.risk().setBotLimits(id, Map.of("stopLoss", "0.02"));  // the same again: nothing to record
            assertThat(h.engine.params().history(id)).hasSize(1);

            h.engine.params().undo(id, change.id()).join();
            assertThat(h.engine.risk().botLimits(id).value("stopLoss")).isEqualByComparingTo("0.03");
            assertThat(new RiskStore(h.store).limits().get(id)).containsEntry("stopLoss", "0.03");
            assertThat(h.engine.params().history(id)).hasSize(2).first().satisfies(c -> {
                assertThat(c.source()).isEqualTo(ParamChange.UNDO);
                assertThat(c.lines()).containsExactly("stopLoss 0.02 → 0.03");
            });
        }
    }

    @Test
    void anUndoTheBotNoLongerAllowsIsRefusedWithTheEditsMessage() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            String id = "ema-btc-15m";
            BotDraft d = h.engine.bots().draft(id).orElseThrow();
            h.engine.bots().edit(id, new BotDraft(id, d.strategy(), d.symbol(), d.timeframe(), d.params(), "20000")).join();
            ParamChange richer = h.engine.params().history(id).getFirst();
            assertThat(richer.lines()).containsExactly("capital 10000 → 20000");
            for (int day = 1; day <= 20 && h.store.botStates().get(id).orderSeq() == 0; day++) h.runFor(Duration.ofDays(day));
            assertThat(h.store.botStates().get(id).orderSeq()).as("the bot has traded").isPositive();
            var account = h.store.accounts().get(id);

            var refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> h.engine.params().undo(id, richer.id()).join());
            assertThat(((BotRejectedException) refused.getCause()).check().problems().values()).singleElement().asString()
                    .contains("the capital is fixed once the bot has traded");
            assertThat(h.store.bot(id).orElseThrow().capital()).isEqualByComparingTo("20000");
            assertThat(h.store.accounts().get(id)).isEqualTo(account);
            assertThat(h.engine.params().history(id)).hasSize(1);
        }
    }
}
