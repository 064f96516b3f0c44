package dev.flotilla.app;

import java.nio.file.Path;
import java.util.Locale;

/** The per-user application data folder of the operating system, where the data file and logs live. */
final class DataFolder {
    private DataFolder() {
    }

    /**
     * The market a data folder trades, "sandbox" or "binance", read without opening it for writing; a folder made before
     * the choice existed is a sandbox one; empty when the folder has no data file yet.
     */
    static java.util.Optional<String> storedMarket(Path dataDir) {
        return storedMarket(dev.flotilla.engine.store.StoreLocation.folder(dataDir));
    }

    /** As {@link #storedMarket(Path)}, wherever the store lives (a data folder's file or a --db server). */
    static java.util.Optional<String> storedMarket(dev.flotilla.engine.store.StoreLocation store) {
        return dev.flotilla.engine.store.Database.peekSetting(store, dev.flotilla.engine.config.EngineSettings.MARKET)
                .or(() -> dev.flotilla.engine.store.Database.peekSetting(store,
                        dev.flotilla.engine.config.EngineSettings.ENGINE_START).map(started -> "sandbox"));
    }

    static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Flotilla");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Flotilla") : Path.of(home, "AppData", "Roaming", "Flotilla");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "flotilla") : Path.of(home, ".local", "share", "flotilla");
    }
}
