package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.plugin.PluginJars;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.Signal;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plug-in jar replaced under a bot that holds a position, while the engine runs the fleet. */
@OnBothStores
class PluginSwapTest {

    static final String HOLDS = "return position == null ? Decision.enter(\"v1 enters\") : Decision.HOLD;";
    static final String EXITS = "return position == null ? Decision.HOLD : Decision.exit(\"v2 exits at bar \" + index);";

    @TempDir
    Path dir;

    private static BotSpec bot(String id, String strategy, Map<String, Double> params) {
        return new BotSpec(id, strategy, Symbol.parse("BTC/USDT"), Timeframe.M15, params, new BigDecimal("1000"));
    }

    /** Waits for the bus to deliver an event (it delivers on a thread of its own). */
    private static void delivered(EngineHarness h, java.util.function.Predicate<dev.flotilla.engine.event.EngineEvent> which)
            throws InterruptedException {
        for (int i = 0; i < 100 && h.events.stream().noneMatch(which); i++) Thread.sleep(50);
        assertThat(h.events).anyMatch(which);
    }

    private EngineHarness open(Path data, StrategyRegistry registry, List<BotSpec> fleet) {
        return EngineHarness.open(data, 7, fleet, registry, UnaryOperator.identity(),
                engine -> engine.plugins().open(data.resolve("plugins")));
    }

    @Test
    void aNewVersionOfAJarDecidesTheNextCloseOfABotHoldingAPositionWhoseBooksStayAsTheyWere() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.strategy(plugins.resolve("demo.jar"), "demo.v1", "swap-demo", HOLDS);
        // approved the way a headless machine approves: its SHA-256 beside it
        Files.writeString(plugins.resolve("demo.jar.sha256"),
                dev.flotilla.engine.plugin.PluginLoader.sha256(Files.readAllBytes(jar)) + "  demo.jar\n");
        StrategyRegistry registry = StrategyRegistry.builtin();
        List<BotSpec> fleet = List.of(bot("demo", "swap-demo", Map.of("period", 5.0)), bot("ema", "ema-rsi", Map.of()));
        try (EngineHarness h = open(dir, registry, fleet)) {
            h.runFor(Duration.ofHours(2));
            Position before = h.store.openPositions().get("demo");
            assertThat(before).as("v1 enters at its first close and never exits").isNotNull();
            BotState stateBefore = h.store.botStates().get("demo");
            RiskState riskBefore = new RiskStore(h.store).states().get("demo");
            WeakReference<ClassLoader> v1 = new WeakReference<>(h.engine.plugins().installed("demo.jar").orElseThrow().loader());

            // the new version, built elsewhere and copied over the old file; not approved yet, so nothing changes
            PluginJars.strategy(jar, "demo.v2", "swap-demo", EXITS);
            h.engine.plugins().rescan().get();
            PluginView waiting = h.engine.plugins().plugins().getFirst();
            assertThat(waiting.status()).isEqualTo(PluginView.Status.AWAITING_APPROVAL);
            assertThat(waiting.sha256()).isEqualTo(dev.flotilla.engine.plugin.PluginLoader.sha256(Files.readAllBytes(jar)));
            assertThat(h.engine.plugins().installed("demo.jar").orElseThrow().loader()).isSameAs(v1.get());

            PluginView loaded = h.engine.plugins().approve("demo.jar", waiting.sha256()).get();
            assertThat(loaded.status()).isEqualTo(PluginView.Status.LOADED);
            assertThat(loaded.detail()).startsWith("replaced version ");
            delivered(h, e -> e instanceof SystemEvent.PluginChanged p && p.status().equals("REPLACED"));

            // position, state and risk state as they were; the bot still runs
            assertThat(h.store.openPositions().get("demo")).isEqualTo(before);
            assertThat(h.store.botStates().get("demo")).isEqualTo(stateBefore);
            assertThat(h.store.botStates().get("demo").status()).isEqualTo(BotStatus.RUNNING);
            assertThat(new RiskStore(h.store).states().get("demo")).isEqualTo(riskBefore);
            assertThat(h.engine.snapshot().bots()).filteredOn(b -> b.id().equals("demo"))
                    .singleElement().satisfies(b -> assertThat(b.positionQty()).isEqualByComparingTo(before.qty()));

            // the old version's class loader is released
            for (int i = 0; i < 50 && v1.get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            assertThat(v1.get()).as("the replaced version's class loader is collected").isNull();

            // the next close is decided by the new code: it exits the position v1 held
            h.events.clear();
            h.runFor(Duration.ofHours(2).plusMinutes(15));
            delivered(h, e -> e instanceof BotEvent.TickCompleted t && t.botId().equals("demo"));
            assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(BotEvent.SignalGenerated.class, s -> {
                assertThat(s.botId()).isEqualTo("demo");
                assertThat(s.signal()).isEqualTo(Signal.EXIT);
                assertThat(s.reason()).startsWith("v2 exits at bar ");
            }));
            assertThat(h.store.openPositions()).doesNotContainKey("demo");
            assertThat(h.store.botStates().get("ema").lastClose()).isEqualTo(h.store.botStates().get("demo").lastClose());
        }
    }

    @Test
    void aStrategyThatThrowsPutsItsBotInErrorWithTheCauseAndTheRestTradeOn() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.strategy(plugins.resolve("bad.jar"), "bad", "throws",
                "if (index > 0) throw new ArithmeticException(\"division by zero in my rule\"); return Decision.HOLD;");
        Files.writeString(plugins.resolve("bad.jar.sha256"), dev.flotilla.engine.plugin.PluginLoader.sha256(Files.readAllBytes(jar)));
        List<BotSpec> fleet = List.of(bot("bad", "throws", Map.of()), bot("ema", "ema-rsi", Map.of()));
        try (EngineHarness h = open(dir, StrategyRegistry.builtin(), fleet).runFor(Duration.ofHours(1))) {
            BotState bad = h.store.botStates().get("bad");
            assertThat(bad.status()).isEqualTo(BotStatus.ERROR);
            assertThat(bad.lastError()).contains("plug-in bad.jar: ArithmeticException: division by zero in my rule");
            BotState ema = h.store.botStates().get("ema");
            assertThat(ema.status()).isEqualTo(BotStatus.RUNNING);
            assertThat(ema.lastClose()).isEqualTo(EngineHarness.START + Duration.ofMinutes(45).toMillis());
        }
    }

    @Test
    void aJarNotYetApprovedHoldsItsBotsInErrorUntilItIsApprovedThenTheyRunAgain() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.strategy(plugins.resolve("demo.jar"), "demo.v1", "swap-demo", HOLDS);
        Files.copy(PluginJars.example(), plugins.resolve("junk.jar"));
        PluginJars.notAJar(plugins.resolve("notes.jar"));
        List<BotSpec> fleet = List.of(bot("demo", "swap-demo", Map.of()), bot("ema", "ema-rsi", Map.of()));
        try (EngineHarness h = open(dir, StrategyRegistry.builtin(), fleet)) {
            BotState held = h.store.botStates().get("demo");
            assertThat(held.status()).isEqualTo(BotStatus.ERROR);
            assertThat(held.lastError()).startsWith("strategy unavailable: unknown strategy 'swap-demo' (neither built in nor"
                    + " in an approved plug-in)");
            assertThat(h.engine.plugins().plugins()).extracting(PluginView::file, PluginView::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("demo.jar", PluginView.Status.AWAITING_APPROVAL),
                    org.assertj.core.groups.Tuple.tuple("junk.jar", PluginView.Status.AWAITING_APPROVAL),
                    org.assertj.core.groups.Tuple.tuple("notes.jar", PluginView.Status.AWAITING_APPROVAL));
            h.runFor(Duration.ofHours(1));
            assertThat(h.store.openPositions()).doesNotContainKey("demo");

            // a file that is not a jar is refused with one message when approved; nothing else changes
            PluginView notes = h.engine.plugins().plugins().get(2);
            assertThat(h.engine.plugins().approve("notes.jar", notes.sha256())).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().withMessageContaining("notes.jar is not a plug-in: it is not a jar file");
            assertThat(h.store.botStates().get("demo").status()).isEqualTo(BotStatus.ERROR);

            PluginView demo = h.engine.plugins().plugins().getFirst();
            h.engine.plugins().approve("demo.jar", demo.sha256()).get();
            assertThat(h.store.botStates().get("demo").status()).isEqualTo(BotStatus.RUNNING);
            delivered(h, e -> e instanceof BotEvent.BotStarted s && s.botId().equals("demo"));
            h.runFor(Duration.ofHours(2));
            assertThat(h.store.openPositions()).containsKey("demo");
        }
        // the approval is kept: the next start loads the jar at once
        try (EngineHarness h = open(dir, StrategyRegistry.builtin(), fleet)) {
            assertThat(h.store.botStates().get("demo").status()).isEqualTo(BotStatus.RUNNING);
            assertThat(h.engine.plugins().plugins()).filteredOn(p -> p.file().equals("demo.jar"))
                    .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PluginView.Status.LOADED));
        }
    }

    @Test
    void aSecondJarWithTheSameStrategyNameIsRefusedAndTheFirstKeepsTrading() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String name : List.of("a-first.jar", "b-second.jar")) {
            Path jar = PluginJars.strategy(plugins.resolve(name), name.substring(0, 1), "swap-demo", HOLDS);
            Files.writeString(plugins.resolve(name + ".sha256"), dev.flotilla.engine.plugin.PluginLoader.sha256(Files.readAllBytes(jar)));
        }
        List<BotSpec> fleet = List.of(bot("demo", "swap-demo", Map.of()));
        try (EngineHarness h = open(dir, StrategyRegistry.builtin(), fleet).runFor(Duration.ofHours(1))) {
            assertThat(h.engine.plugins().plugins()).extracting(PluginView::file, PluginView::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a-first.jar", PluginView.Status.LOADED),
                    org.assertj.core.groups.Tuple.tuple("b-second.jar", PluginView.Status.FAILED));
            assertThat(h.engine.plugins().plugins().get(1).detail()).isEqualTo("two plug-ins with one strategy name: "
                    + "'swap-demo' is in a-first.jar and in b-second.jar; remove one of them");
            assertThat(h.engine.registry().source("swap-demo")).isEqualTo("a-first.jar");
            assertThat(h.store.openPositions()).containsKey("demo");
        }
    }
}
