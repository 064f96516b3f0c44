package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.backtest.BacktestService;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.screen.backtest.BacktestsView;
import dev.flotilla.ui.screen.backtest.HeatMap;
import dev.flotilla.ui.screen.backtest.Metric;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import dev.flotilla.ui.shell.Shortcut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Backtests screen on a real engine and a real backtest service over the same store: backtests and a sweep run
 * through the form, their results, charts, comparison and heat map, a cancelled job, and a sweep's set applied to the
 * live bot.
 */
class BacktestsScreenTest {

    static final List<String> BOTS = List.of("ema-btc-15m", "boll-btc-1h", "rsi-eth-15m");

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void backtestsAndASweepRunThroughTheFormAndTheBestSetGoesToTheBot() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, 1).start()) {
            BacktestApi service = new BacktestService(live.store, StrategyRegistry.builtin(), "history in " + dir);
            Console console = Fx.on(() -> {
                Console c = new Console(live.engine, service, dir.resolve("console.properties"), false, () -> { });
                c.prefs().theme().set(Prefs.Theme.DARK);
                c.window().stage().setWidth(1600);
                c.window().stage().setHeight(1000);
                c.show();
                return c;
            });
            MainWindow w = console.window();
            Fx.await("the fleet is listed", () -> w.fleet().rows().size() == 45);
            // View > Backtests (Ctrl+Shift+B) opens the screen
            Fx.run(() -> w.scene().getRoot().lookupAll(".menu-bar").stream()
                    .flatMap(n -> ((javafx.scene.control.MenuBar) n).getMenus().stream())
                    .flatMap(m -> m.getItems().stream())
                    .filter(i -> Shortcut.BACKTESTS.keys().equals(i.getAccelerator())).findFirst().orElseThrow().fire());
            BacktestsView v = Fx.on(w::backtests);
            assertThat(Fx.on(() -> w.screens().getSelectionModel().getSelectedItem().getText())).isEqualTo("Backtests");

            // a period before the sandbox's history is refused under the field, and nothing runs
            Fx.run(() -> {
                v.form().backtestToggle().fire();
                v.form().botList().getSelectionModel().clearSelection();
                for (String id : BOTS) v.form().botList().getSelectionModel().select(id);
                form(v).allBots().set(false);
                form(v).from().set(LocalDate.of(2023, 6, 1));
                v.form().runButton().fire();
            });
            Fx.await("the refusal under the first day", () -> form(v).message("from").get().contains("sandbox")
                    && !form(v).starting().get());
            assertThat(Fx.on(() -> v.model().running().get())).isFalse();

            // a 3-bot backtest over ten days: the results per bot and for the fleet, its equity and drawdown
            long first = backtest(v, "10");
            List<String> rows = Fx.on(() -> v.results().getItems().stream().map(RunFigures::id).toList());
            assertThat(rows).containsExactlyInAnyOrder("ema-btc-15m", "boll-btc-1h", "rsi-eth-15m", RunFigures.FLEET);
            assertThat(rows.getLast()).isEqualTo(RunFigures.FLEET);
            Fx.await("the fleet's equity curve", () -> v.equity().pointCount() >= 200 && v.equity().title().startsWith("Fleet equity"));
            RunFigures fleet = Fx.on(() -> v.model().row().get());
            assertThat(fleet.fleet()).isTrue();
            assertThat(Metric.RETURN.text(fleet)).matches("[+-]?[0-9]+\\.[0-9]{2,3}%");
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "backtests-equity"));

            // a bot's row: its equity, and its trades on its candles, one entry and one exit mark per trade
            RunFigures ema = Fx.on(() -> v.model().rows().stream().filter(f -> f.id().equals("ema-btc-15m")).findFirst().orElseThrow());
            Fx.run(() -> {
                v.results().getSelectionModel().select(ema);
                v.tabs().getSelectionModel().select(1);
            });
            Fx.await("the candles of ema-btc-15m", () -> v.candles().candleCount() >= 900 && v.candles().title().startsWith("ema-btc-15m"));
            assertThat(Fx.on(() -> v.candles().markerCount())).isEqualTo(2 * ema.performance().trades());
            assertThat(Fx.on(() -> v.equity().title())).startsWith("ema-btc-15m equity, run " + first);
            Fx.settle(w);
            assertThat(Files.size(Fx.on(() -> Screenshots.save(w.scene(), "backtests")))).isGreaterThan(50_000);

            // the same bots at three times the fee, compared with the first run
            long second = backtest(v, "30");
            assertThat(second).isGreaterThan(first);
            Fx.run(() -> {
                v.model().compareWith().set(v.model().runs().stream().filter(r -> r.id() == first).findFirst().orElseThrow());
                v.tabs().getSelectionModel().select(2);
            });
            Fx.await("the two runs side by side", () -> v.compareTable().getItems().size() == Metric.values().length
                    && v.compareCurves().curveCount() == 2);
            assertThat(Fx.on(() -> v.compareTable().getItems().get(Metric.FEES.ordinal()).better())).isEqualTo(1);
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "backtests-compare"));

            // a long job cancelled: the screen says so, and stores nothing
            int runs = Fx.on(() -> v.model().runs().size());
            Fx.run(() -> {
                form(v).allBots().set(true);
                form(v).from().set(LocalDate.of(2024, 3, 1));
                form(v).to().set(LocalDate.of(2025, 2, 28));
                v.form().runButton().fire();
            });
            Fx.await("the long job runs", () -> v.model().running().get() && v.form().cancelButton().isDisabled() == false);
            Fx.run(() -> v.form().cancelButton().fire());
            Fx.await("the job is cancelled", () -> !v.model().running().get());
            assertThat(Fx.on(() -> v.model().error().get())).endsWith("cancelled");
            assertThat(Fx.on(() -> v.model().status().get())).contains("cancelled");
            assertThat(Fx.on(() -> v.model().runs().size())).isEqualTo(runs);

            // a range the engine cannot read is refused under the ranges
            Fx.run(() -> {
                v.form().sweepToggle().fire();
                form(v).sweepBot().set("ema-btc-15m");
                form(v).from().set(LocalDate.of(2024, 4, 1));
                form(v).to().set(LocalDate.of(2024, 4, 10));
                v.form().rangeInput("fastPeriod").setText("7..5");
                v.form().runButton().fire();
            });
            Fx.await("the refusal under the ranges", () -> form(v).message("params").get().contains("below")
                    && !form(v).starting().get());
            assertThat(Fx.on(() -> v.model().running().get())).isFalse();

            // a two-parameter sweep: six sets on a grid of fastPeriod across and slowPeriod down
            Fx.run(() -> {
                v.form().rangeInput("fastPeriod").setText("5..7:1");
                v.form().rangeInput("slowPeriod").setText("20..30:10");
                form(v).workers().set("2");
                v.form().runButton().fire();
            });
            Fx.await("the sweep is done", () -> !form(v).starting().get() && !v.model().running().get()
                    && v.model().heatMap().get() != null);
            assertThat(Fx.on(() -> v.model().error().get())).isEmpty();
            HeatMap map = Fx.on(() -> v.model().heatMap().get());
            assertThat(map.xName()).isEqualTo("fastPeriod");
            assertThat(map.yName()).isEqualTo("slowPeriod");
            assertThat(map.sets()).isEqualTo(6);
            assertThat(Fx.on(() -> v.heatMap().cellCount())).isEqualTo(6);
            assertThat(Fx.on(() -> v.tabs().getSelectionModel().getSelectedIndex())).isEqualTo(3);
            assertThat(Fx.on(() -> v.model().selected().get().label())).startsWith("sweep ").endsWith(" ema-btc-15m best");

            // the best set, applied to the live bot after a confirmation
            HeatMap.Cell set = map.best() != null ? map.best() : map.ranked().getFirst();
            Fx.run(() -> v.heatMap().select(set));
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "backtests-heatmap"));
            Alert confirm = Fx.on(() -> v.heatMap().applySelected());
            assertThat(Fx.on(confirm::getContentText)).contains("ema-btc-15m").contains("fastPeriod " + HeatMap.number(set.params().get("fastPeriod")));
            Fx.run(() -> ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).fire());
            String fast = HeatMap.number(set.params().get("fastPeriod"));
            String slow = HeatMap.number(set.params().get("slowPeriod"));
            Fx.await("the bot runs with the set", () -> v.model().notice().get().startsWith("ema-btc-15m now runs with"));
            var params = live.engine.bots().draft("ema-btc-15m").orElseThrow().params();
            assertThat(params).containsEntry("fastPeriod", fast).containsEntry("slowPeriod", slow);
            Fx.run(console::quit);
        }
    }

    private static dev.flotilla.ui.screen.backtest.BacktestFormModel form(BacktestsView v) {
        return v.form().model();
    }

    /** Runs the form's backtest at {@code fee} bps over 2024-04-01 to 2024-04-10 and returns the run it stored. */
    private static long backtest(BacktestsView v, String fee) throws Exception {
        List<Long> known = Fx.on(() -> v.model().runs().stream().map(BacktestApi.Run::id).toList());
        Fx.run(() -> {
            form(v).from().set(LocalDate.of(2024, 4, 1));
            form(v).to().set(LocalDate.of(2024, 4, 10));
            form(v).fee().set(fee);
            v.form().runButton().fire();
        });
        Fx.await("the backtest at " + fee + " bps is done", () -> !form(v).starting().get() && !v.model().running().get()
                && v.model().job().get() != null && v.model().job().get().done() && v.model().job().get().title().startsWith("backtest")
                && !v.model().job().get().runIds().isEmpty() && v.model().job().get().runIds().stream().noneMatch(known::contains));
        assertThat(Fx.on(() -> v.model().error().get())).isEmpty();
        long id = Fx.on(() -> v.model().job().get().runIds().getFirst());
        Fx.await("run " + id + " is selected with its figures", () -> v.model().selected().get() != null
                && v.model().selected().get().id() == id && v.model().rows().size() == 4);
        return id;
    }
}
