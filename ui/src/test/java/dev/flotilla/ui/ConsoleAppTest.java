package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotView;
import dev.flotilla.ui.fleet.FleetView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simple window under JavaFX's headless platform, on a real engine. */
class ConsoleAppTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    static TableView<BotView> table(Scene scene) {
        return ((FleetView) scene.getRoot()).table();
    }

    @Test
    void theWindowListsTheWholeFleetAndFollowsTheEngine() throws Exception {
        try (LiveEngine live = new LiveEngine(dir, dev.flotilla.engine.kernel.EngineConfig.MAX_SPEED)) {
            live.runFor(Duration.ofHours(30));
            Scene scene = onFx(() -> {
                Stage stage = new Stage();
                Scene s = ConsoleApp.scene(live.engine);
                stage.setScene(s);
                stage.show();
                return s;
            });
            // the window refreshes from the engine on its own timer
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (onFx(() -> table(scene).getItems().size()) < 45 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(onFx(() -> table(scene).getItems().size())).isEqualTo(45);
            assertThat(onFx(() -> table(scene).getItems().stream().filter(b -> b.lastTick() > 0).count())).isEqualTo(45L);
            assertThat(onFx(() -> table(scene).getItems().stream().filter(b -> b.realizedPnl().signum() != 0).count()))
                    .isPositive();
            Path png = onFx(() -> {
                try {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    return Screenshots.save(scene, "fleet-window");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(Files.size(png)).isGreaterThan(10_000);
            onFx(() -> {
                ((Stage) scene.getWindow()).close();
                return null;
            });
        }
    }
}
