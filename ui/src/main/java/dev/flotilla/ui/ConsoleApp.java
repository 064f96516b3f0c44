package dev.flotilla.ui;

import atlantafx.base.theme.PrimerDark;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.fleet.FleetView;
import dev.flotilla.ui.fleet.FleetViewModel;
import java.util.concurrent.CountDownLatch;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The desktop window. Engine snapshots are immutable and published by the engine thread; the window pulls
 * the latest one a few times a second on the FX thread, so a burst of engine events costs one redraw.
 */
public final class ConsoleApp {

    static final Duration REFRESH = Duration.millis(250);

    private ConsoleApp() {
    }

    /** Opens the window and blocks until it is closed. */
    public static void show(EngineApi engine) {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(scene(engine));
            stage.setTitle("Flotilla");
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }

    /** The window's scene, live on the engine: for the app and for tests. Call on the FX thread. */
    public static Scene scene(EngineApi engine) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        FleetViewModel model = new FleetViewModel();
        FleetView view = new FleetView(model);
        model.show(engine.snapshot());
        Timeline refresh = new Timeline(new KeyFrame(REFRESH, e -> model.show(engine.snapshot())));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        view.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) refresh.stop();
        });
        Scene scene = new Scene(view, 1280, 760);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        return scene;
    }
}
