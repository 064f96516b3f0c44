package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.FleetPlan;
import dev.flotilla.engine.api.FleetRefusedException;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.ParamSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet file applied to a fleet that has traded: the plan, the plan applied, and files refused as a whole. */
@OnBothStores
class FleetImportTest {

    static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();

    @TempDir
    Path dir;

    /** A fleet file of these bots, every parameter and the capital written out. */
    static String json(List<BotSpec> bots) {
        return bots.stream().map(FleetImportTest::bot).collect(Collectors.joining(",\n", "{\"bots\": [\n", "\n]}"));
    }

    static String bot(BotSpec b) {
        String params = b.params().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return "{\"id\": \"" + b.id() + "\", \"strategy\": \"" + b.strategy() + "\", \"symbol\": \"" + b.symbol()
                + "\", \"timeframe\": \"" + b.timeframe().label() + "\", \"params\": " + params + ", \"capital\": "
                + b.capital().toPlainString() + "}";
    }

    /** The bot with one parameter one step higher, within the strategy's rules; the name and the two values. */
    static BotSpec tweaked(BotSpec b, String[] what) {
        for (ParamSpec p : REGISTRY.type(b.strategy()).params()) {
            Map<String, Double> params = new LinkedHashMap<>(b.params());
            double next = params.get(p.name()) + 1;
            if (next > p.max()) continue;
            params.put(p.name(), next);
            try {
                REGISTRY.resolve(b.strategy(), params);
            } catch (IllegalArgumentException e) {
                continue;
            }
            what[0] = p.name();
            return b.withParams(params);
        }
        throw new AssertionError("no parameter of " + b.id() + " can move");
    }

    static BotSpec spec(EngineHarness h, String id) {
        return h.store.bot(id).orElseThrow();
    }

    static List<BotSpec> fleetOf(EngineHarness h) {
        return h.engine.snapshot().bots().stream().map(v -> spec(h, v.id())).toList();
    }

    private static BotView view(EngineHarness h, String id) {
        return h.engine.snapshot().bots().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    private static String holding(EngineHarness h) {
        return h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0).findFirst().orElseThrow().id();
    }

    private static String flat(EngineHarness h) {
        return h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() == 0).findFirst().orElseThrow().id();
    }

    @Test
    void thePlanAddsChangesAndRemovesAndApplyingItKeepsTheBooks() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), REGISTRY).runFor(Duration.ofDays(2))) {
            String holder = holding(h);
            String gone = flat(h);
            BotView before = view(h, holder);
            String[] param = new String[1];
            BotSpec was = spec(h, holder);
            BotSpec changed = tweaked(was, param);
            List<BotSpec> file = new ArrayList<>();
            for (BotSpec b : fleetOf(h)) {
                if (b.id().equals(gone)) continue;
                file.add(b.id().equals(holder) ? changed : b);
            }
            file.add(new BotSpec("new-donch-sol-15m", "donchian-breakout", changed.symbol().parse("SOL/USDT"),
                    dev.flotilla.engine.model.Timeframe.M15, Map.of("entryPeriod", 30.0, "exitPeriod", 10.0),
                    new java.math.BigDecimal("2500")));

            FleetPlan plan = h.engine.fleetImport().plan(json(file)).join();
            assertThat(plan.add()).extracting(FleetPlan.Bot::id).containsExactly("new-donch-sol-15m");
            assertThat(plan.add().getFirst().description()).isEqualTo("donchian-breakout on SOL/USDT 15m, 2500 USDT, starts running");
            assertThat(plan.change()).extracting(FleetPlan.Bot::id).containsExactly(holder);
            assertThat(plan.change().getFirst().changes()).containsExactly("params " + param[0] + " "
                    + fmt(was.params().get(param[0])) + " → " + fmt(changed.params().get(param[0])));
            assertThat(plan.change().getFirst().description()).endsWith("holds a position");
            assertThat(plan.remove()).extracting(FleetPlan.Bot::id).containsExactly(gone);
            assertThat(plan.unchanged()).isEqualTo(43);
            assertThat(plan.lines()).contains("Add (1):", "Change (1):", "Remove (1):", "1 to add, 1 to change, 1 to remove, 43 unchanged");
            assertThat(h.store.bots()).hasSize(45);  // a plan changes nothing

            FleetPlan applied = h.engine.fleetImport().apply(json(file), plan.fingerprint()).join();
            assertThat(applied).isEqualTo(plan);
            assertThat(view(h, gone)).isNull();
            assertThat(view(h, "new-donch-sol-15m")).isNotNull();
            assertThat(h.store.botStates().get("new-donch-sol-15m").status()).isEqualTo(BotStatus.RUNNING);
            assertThat(spec(h, holder).params()).containsEntry(param[0], changed.params().get(param[0]));
            BotView after = view(h, holder);
            assertThat(after.positionQty()).isEqualByComparingTo(before.positionQty());
            assertThat(after.realizedPnl()).isEqualByComparingTo(before.realizedPnl());
            // the change is in the bot's parameter history, said to come from the fleet file
            assertThat(h.store.paramChanges(holder)).first().satisfies(c -> {
                assertThat(c.source()).isEqualTo(dev.flotilla.engine.model.ParamChange.FLEET_FILE);
                assertThat(c.newValues()).containsOnlyKeys(param[0]);
            });
            assertThat(h.store.bots()).hasSize(45);
            // the same file again: nothing left to do
            assertThat(h.engine.fleetImport().plan(json(file)).join().empty()).isTrue();

            h.runFor(Duration.ofDays(3));  // the new bot trades on a feed of its own
            assertThat(view(h, "new-donch-sol-15m").lastTick()).isPositive();
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Test
    void aFileThatBreaksARuleIsRefusedWithOneMessageAndNothingChanges() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), REGISTRY).runFor(Duration.ofDays(2))) {
            List<BotSpec> fleet = fleetOf(h);
            String holder = holding(h);
            List<BotSpec> storedBefore = h.store.bots();
            var statesBefore = h.store.botStates();

            List<BotSpec> unknown = new ArrayList<>(fleet);
            BotSpec first = fleet.getFirst();
            unknown.set(0, new BotSpec(first.id(), "ema-rsii", first.symbol(), first.timeframe(), Map.of(), first.capital()));
            assertRefused(h, json(unknown), "bots[0] (" + first.id() + ").strategy: unknown strategy 'ema-rsii'");

            List<BotSpec> outOfRange = new ArrayList<>(fleet);
            int ema = 0;
            while (!fleet.get(ema).strategy().equals("ema-rsi")) ema++;
            Map<String, Double> wide = new LinkedHashMap<>(fleet.get(ema).params());
            wide.put("fastPeriod", 500.0);
            outOfRange.set(ema, fleet.get(ema).withParams(wide));
            assertRefused(h, json(outOfRange), "bots[" + ema + "] (" + fleet.get(ema).id() + ").params", "fastPeriod", "500");

            List<BotSpec> twice = new ArrayList<>(fleet);
            twice.add(fleet.get(3));
            assertRefused(h, json(twice), "bots[45].id: duplicate bot id '" + fleet.get(3).id() + "'");

            List<BotSpec> without = fleet.stream().filter(b -> !b.id().equals(holder)).toList();
            assertRefused(h, json(without), "bot " + holder + " is not in the file, but it holds a position");

            BotSpec was = spec(h, holder);
            String other = was.symbol().toString().equals("BTC/USDT") ? "ETH/USDT" : "BTC/USDT";
            List<BotSpec> moved = fleet.stream().map(b -> !b.id().equals(holder) ? b
                    : new BotSpec(b.id(), b.strategy(), dev.flotilla.engine.model.Symbol.parse(other), b.timeframe(), b.params(), b.capital()))
                    .toList();
            assertRefused(h, json(moved), "bot " + holder + ": the bot holds a position in " + was.symbol()
                    + "; close it before changing the symbol");

            assertThat(h.store.bots()).isEqualTo(storedBefore);
            assertThat(h.store.botStates()).isEqualTo(statesBefore);
            assertThat(h.engine.snapshot().bots()).hasSize(45);
        }
    }

    @Test
    void aPlanShownBeforeTheFleetMovedIsNotApplied() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), REGISTRY)) {
            List<BotSpec> file = new ArrayList<>(fleetOf(h));
            String gone = file.removeLast().id();
            FleetPlan shown = h.engine.fleetImport().plan(json(file)).join();
            assertThat(shown.remove()).extracting(FleetPlan.Bot::id).containsExactly(gone);
            BotDraft d = h.engine.bots().draft("ema-btc-15m").orElseThrow();
            h.engine.bots().edit("ema-btc-15m", new BotDraft(d.id(), d.strategy(), d.symbol(), d.timeframe(), d.params(), "12000")).join();
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> h.engine.fleetImport().apply(json(file), shown.fingerprint()).join());
            assertThat(e.getCause()).isInstanceOf(FleetRefusedException.class)
                    .hasMessageContaining("changed since the plan was shown");
            assertThat(view(h, gone)).isNotNull();
            FleetPlan now = h.engine.fleetImport().plan(json(file)).join();
            assertThat(now.change().getFirst().changes()).containsExactly("capital 12000 → 10000 USDT");
        }
    }

    private static void assertRefused(EngineHarness h, String json, String... expected) {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> h.engine.fleetImport().apply(json, null).join());
        assertThat(e.getCause()).isInstanceOf(FleetRefusedException.class);
        assertThat(e.getCause().getMessage()).startsWith("the fleet file was refused and nothing was changed: ").contains(expected);
        assertThat(((FleetRefusedException) e.getCause()).problems()).hasSize(1);
    }
}
