package dev.flotilla.app;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.ConsoleApp;
import java.nio.file.Path;

/** Opens the desktop console on a running engine and returns when the operator quits. */
final class ConsoleBridge {
    private ConsoleBridge() {
    }

    /** Starts the window's toolkit in the background while the store opens and the engine boots. */
    static void prepare() {
        ConsoleApp.prepare();
    }

    /** The console keeps its own settings (theme, window, notifications) in the data folder. */
    static void open(EngineApi engine, Path dataDir) {
        ConsoleApp.show(engine, dataDir);
    }
}
