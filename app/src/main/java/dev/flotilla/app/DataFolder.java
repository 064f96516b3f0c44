package dev.flotilla.app;

import java.nio.file.Path;
import java.util.Locale;

/** The per-user application data folder of the operating system, where the data file and logs live. */
final class DataFolder {
    private DataFolder() {
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
