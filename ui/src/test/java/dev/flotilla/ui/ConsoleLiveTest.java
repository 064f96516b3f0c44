package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.ui.shell.Console;
import dev.flotilla.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console on a real engine trading the sandbox as fast as it can, under JavaFX's headless platform. */
class ConsoleLiveTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        Fx.start();
    }

    @Test
    void startsOnTheSandboxAtHighSpeedAndItsChartsFollowTheFleet() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, EngineConfig.MAX_SPEED).start()) {
            Console console = Fx.on(() -> {
                Console c = new Console(live.engine, dir.resolve("console.properties"), false, () -> { });
                c.window().stage().setWidth(1600);
                c.window().stage().setHeight(1000);
                c.show();
                return c;
            });
            MainWindow w = console.window();
            Fx.await("the table lists the fleet", () -> w.fleet().rows().size() == 45);
            assertThat(Fx.on(() -> w.table().table().getItems().size())).isEqualTo(45);
            String selected = Fx.on(() -> w.fleet().selected().get().id());
            Fx.await("the selected bot's chart shows candles", () -> w.candles().candleCount() > 50);
            assertThat(Fx.on(() -> w.candles().title())).startsWith(selected);
            Fx.await("a trade marker on the chart", () -> w.candles().markerCount() >= 1);
            int points = Fx.on(() -> w.fleetCurve().pointCount());
            Fx.await("the equity curve grows", () -> w.fleetCurve().pointCount() > points + 2);
            Fx.await("the status bar shows the engine clock", () -> w.scene().getRoot().lookup(".engine-clock") != null);
            Fx.settle(w);
            Path png = Fx.on(() -> Screenshots.save(w.scene(), "dashboard-live"));
            assertThat(Files.size(png)).isGreaterThan(20_000);
            Fx.run(console::quit);
        }
    }
}
