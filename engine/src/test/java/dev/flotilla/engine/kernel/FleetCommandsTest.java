package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bots created, changed and removed through the engine's API while it has a fleet and a history. */
@OnBothStores
class FleetCommandsTest {

    @TempDir
    Path dir;

    private static BotDraft draft(String id, String strategy, String symbol, String tf, Map<String, String> params, String capital) {
        return new BotDraft(id, strategy, symbol, tf, params, capital);
    }

    private static BotDraft good() {
        return draft("ema-btc-fast", "ema-rsi", "BTC/USDT", "15m", Map.of("fastPeriod", "5", "slowPeriod", "13"), "2500");
    }

    private static BotView view(EngineHarness h, String id) {
        return h.engine.snapshot().bots().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void everyWrongFieldGetsItsOwnMessage() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            var bots = h.engine.bots();
            assertThat(bots.check(good(), null).ok()).isTrue();
            BotCheck c = bots.check(draft("Bad Id", "nope", "FOO/USDT", "2h", Map.of(), "abc"), null);
            assertThat(c.problem(BotCheck.ID)).contains("a-z, 0-9");
            assertThat(c.problem(BotCheck.STRATEGY)).contains("unknown strategy 'nope'");
            assertThat(c.problem(BotCheck.SYMBOL)).contains("unknown symbol 'FOO/USDT'");
            assertThat(c.problem(BotCheck.TIMEFRAME)).contains("15m, 1h, 4h");
            assertThat(c.problem(BotCheck.CAPITAL)).contains("must be a number of USDT");
            assertThat(bots.check(draft("ema-btc-15m", "ema-rsi", "BTC/USDT", "1h", Map.of(), "100"), null).problem(BotCheck.ID))
                    .contains("exists");
            assertThat(bots.check(draft("x1", "ema-rsi", "BTC/USDT", "1h", Map.of(), "0"), null).problem(BotCheck.CAPITAL))
                    .contains("more than 0");
            BotCheck params = bots.check(draft("x1", "ema-rsi", "BTC/USDT", "1h",
                    Map.of("fastPeriod", "500", "rsiPeriod", "seven"), "100"), null);
            assertThat(params.problem(BotCheck.param("fastPeriod"))).contains("from 2 to 100, got 500");
            assertThat(params.problem(BotCheck.param("rsiPeriod"))).contains("must be a number");
            assertThat(bots.check(draft("x1", "ema-rsi", "BTC/USDT", "1h", Map.of("fastPeriod", "30"), "100"), null)
                    .problem(BotCheck.PARAMS)).contains("'fastPeriod' (30) must be less than 'slowPeriod' (21)");
            CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> bots.create(draft("", "ema-rsi", "BTC/USDT", "1h", Map.of(), "100"), true).join());
            assertThat(refused.getCause()).isInstanceOf(BotRejectedException.class);
            assertThat(h.store.bots()).hasSize(45);
        }
    }

    @Test
    void aCreatedBotTradesOnAFeedNewToTheFleetAndItsIdIsNeverGivenAgain() throws Exception {
        List<BotSpec> fleet = new ArrayList<>(FleetFileTest.defaultFleet().subList(0, 3));  // BTC and ETH feeds only
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet, StrategyRegistry.builtin())) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("entryPeriod", "10");
            params.put("exitPeriod", "");  // blank: the default
            String id = h.engine.bots().create(draft("donch-sol-15m", "donchian-breakout", "SOL/USDT", "15m", params, "5000"), true).join();
            assertThat(id).isEqualTo("donch-sol-15m");
            BotSpec spec = h.store.bot(id).orElseThrow();
            assertThat(spec.params()).containsEntry("entryPeriod", 10.0).containsEntry("exitPeriod", 10.0);
            assertThat(h.store.botStates().get(id).status()).isEqualTo(BotStatus.RUNNING);
            assertThat(view(h, id).equity()).isEqualByComparingTo("5000");
            h.runFor(Duration.ofDays(3));
            assertThat(h.engine.feeds().stream().map(Object::toString)).contains("SOL/USDT 15m");
            assertThat(view(h, id).lastTick()).isPositive();
            assertThat(h.fills()).anyMatch(f -> f.botId().equals(id));
        }
        try (EngineHarness h = EngineHarness.open(dir, 7, fleet, StrategyRegistry.builtin())) {
            assertThat(view(h, "donch-sol-15m")).isNotNull();  // rebuilt from the store after a restart
        }
    }

    @Test
    void editingKeepsTheBooksAndRefusesWhatWouldFalsifyThem() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(2))) {
            var bots = h.engine.bots();
            BotView traded = h.engine.snapshot().bots().stream().filter(b -> b.fees().signum() > 0).findFirst().orElseThrow();
            BotDraft current = bots.draft(traded.id()).orElseThrow();
            assertThat(bots.check(current, traded.id()).ok()).isTrue();
            assertThat(bots.canChangeCapital(traded.id())).isFalse();
            BotDraft richer = new BotDraft(current.id(), current.strategy(), current.symbol(), current.timeframe(),
                    current.params(), "20000");
            assertThat(bots.check(richer, traded.id()).problem(BotCheck.CAPITAL)).contains("fixed once the bot has traded");
            BotDraft renamed = new BotDraft("other", current.strategy(), current.symbol(), current.timeframe(), current.params(), current.capital());
            assertThat(bots.check(renamed, traded.id()).problem(BotCheck.ID)).contains("cannot change");

            BotView holding = h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0).findFirst().orElseThrow();
            BotDraft h0 = bots.draft(holding.id()).orElseThrow();
            String otherSymbol = h0.symbol().equals("BTC/USDT") ? "ETH/USDT" : "BTC/USDT";
            BotDraft moved = new BotDraft(h0.id(), h0.strategy(), otherSymbol, h0.timeframe(), h0.params(), h0.capital());
            assertThat(bots.check(moved, holding.id()).problem(BotCheck.SYMBOL)).contains("holds a position");
            assertThatThrownBy(() -> bots.remove(holding.id()).join()).hasCauseInstanceOf(BotRejectedException.class);

            Map<String, String> tuned = new LinkedHashMap<>(h0.params());
            String first = tuned.keySet().iterator().next();
            bots.edit(holding.id(), new BotDraft(h0.id(), h0.strategy(), h0.symbol(), h0.timeframe(), tuned, h0.capital())).join();
            assertThat(view(h, holding.id()).positionQty()).isEqualByComparingTo(holding.positionQty());
            assertThat(view(h, holding.id()).realizedPnl()).isEqualByComparingTo(holding.realizedPnl());
            assertThat(h.store.bot(holding.id()).orElseThrow().params()).containsKey(first);

            BotView flat = h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() == 0).findFirst().orElseThrow();
            bots.remove(flat.id()).join();
            assertThat(view(h, flat.id())).isNull();
            assertThat(h.store.bots()).hasSize(44);
            assertThat(bots.check(new BotDraft(flat.id(), "ema-rsi", "BTC/USDT", "1h", Map.of(), "100"), null).problem(BotCheck.ID))
                    .contains("exists or existed");
        }
    }

    @Test
    void theSpeedOfTheSandboxChangesAndTheBadgeFollows() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())) {
            assertThat(h.engine.speedAdjustable()).isTrue();
            h.engine.setSpeed(120);
            assertThat(h.engine.speed()).isEqualTo(120);
            assertThat(h.engine.snapshot().mode()).isEqualTo("SANDBOX x120");
            assertThatThrownBy(() -> h.engine.setSpeed(0.5)).hasMessageContaining("at least 1");
        }
    }
}
