package dev.flotilla.app;

import java.nio.file.Path;

/** Points the log file into the data folder; must run before the first logger is made. */
final class Logging {
    private Logging() {
    }

    static void init(Path dataDir, boolean debug) {
        System.setProperty("flotilla.logDir", dataDir.resolve("logs").toAbsolutePath().toString());
        System.setProperty("flotilla.logLevel", debug ? "DEBUG" : "INFO");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }
}
