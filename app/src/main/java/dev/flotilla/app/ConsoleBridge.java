package dev.flotilla.app;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.ui.ConsoleApp;

/** Opens the desktop window on a running engine and returns when it is closed. */
final class ConsoleBridge {
    private ConsoleBridge() {
    }

    static void open(EngineApi engine) {
        ConsoleApp.show(engine);
    }
}
