package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard after three simulated days, in the dark and the light theme, saved for people to look at. */
class DashboardScreenshotTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void theDashboardShowsTheFleetItsFiguresAndTheChartOfABotInATrade() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, EngineConfig.MAX_SPEED).runFor(Duration.ofDays(3))) {
            // a bot in a position, with the most fills on its chart, shows entry, exits and the stop level
            String bot = live.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0).map(BotView::id)
                    .max(Comparator.comparingInt(id -> live.engine.reads().chart(id, 150).orElseThrow().markers().size()))
                    .orElseThrow();
            Console console = OpenConsole.window(live, dir, Prefs.Theme.DARK);
            MainWindow w = console.window();
            Fx.run(() -> w.actions().showChart(bot));
            Fx.await("the chart of " + bot + " with its fills", () -> w.candles().title().startsWith(bot) && w.candles().markerCount() >= 2);
            Fx.await("the fleet's equity curve", () -> w.fleetCurve().pointCount() >= 72);
            assertThat(Fx.on(() -> w.dashboard().equity().get())).matches("[0-9]{3},[0-9]{3}\\.[0-9]{2} USDT");
            assertThat(Fx.on(() -> w.dashboard().state().get())).isEqualTo("ACTIVE");
            Fx.settle(w);
            assertThat(Files.size(Fx.on(() -> Screenshots.save(w.scene(), "dashboard-dark")))).isGreaterThan(50_000);
            Fx.run(() -> console.prefs().theme().set(Prefs.Theme.LIGHT));
            assertThat(Fx.on(() -> w.scene().getRoot().getStyleClass())).contains("theme-light");
            Fx.settle(w);
            assertThat(Files.size(Fx.on(() -> Screenshots.save(w.scene(), "dashboard-light")))).isGreaterThan(50_000);
            Fx.run(() -> w.charts().getSelectionModel().select(2));
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "dashboard-fleet-equity"));
            // the history below, filtered to the bot: its open position first, then its closed ones
            Fx.run(() -> {
                w.history().botFilter().setValue(bot);
                w.history().tabs().getSelectionModel().select(2);
            });
            Fx.await("the positions of " + bot, () -> !w.historyModel().positions().isEmpty()
                    && w.historyModel().positions().stream().allMatch(p -> p.botId().equals(bot))
                    && w.historyModel().positions().getFirst().open());
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "dashboard-positions"));
            Fx.run(console::quit);
        }
    }
}
