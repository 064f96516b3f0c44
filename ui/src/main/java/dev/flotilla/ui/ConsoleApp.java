package dev.flotilla.ui;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** Starts JavaFX, opens the console on a running engine and waits until the operator quits. */
public final class ConsoleApp {

    private ConsoleApp() {
    }

    /**
     * Opens the console and blocks until the operator quits (closing the window may only hide it in the
     * tray). The console's settings live in {@code dataDir}.
     */
    public static void show(EngineApi engine, Path dataDir) {
        CountDownLatch quit = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> new Console(engine, dataDir.resolve(Prefs.FILE_NAME), true, quit::countDown).show());
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }
}
