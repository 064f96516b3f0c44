package dev.flotilla.app;

import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.kernel.Engine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The data folder's plug-in folder for a run: opened before the engine boots (approved jars load, so their bots start
 * with their strategies), watched once it runs, and on a headless run every change said on the command line with how
 * to approve a jar there.
 */
final class PluginStart {

    /** How often the plug-in folder is looked at while the engine runs. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private PluginStart() {
    }

    static Path folder(Path dataDir) {
        return dataDir.resolve("plugins");
    }

    /**
     * For a backtest or sweep from the command line: the data folder's approved plug-ins installed in {@code registry},
     * loaded from copies in a temporary folder of this process (an app may be running on the same folder).
     */
    static void forRun(Path dataDir, dev.flotilla.engine.store.Store store,
                       dev.flotilla.engine.strategy.StrategyRegistry registry, PrintStream err) {
        Path dir = folder(dataDir);
        if (!java.nio.file.Files.isDirectory(dir)) return;
        try {
            Path staging = java.nio.file.Files.createTempDirectory("flotilla-plugins");
            staging.toFile().deleteOnExit();
            new dev.flotilla.engine.plugin.PluginFolder(dir, staging, new dev.flotilla.engine.store.PluginTrustStore(store)::approved)
                    .installApproved(registry, m -> err.println("note: " + m));
        } catch (java.io.IOException e) {
            err.println("note: the plug-ins of " + dir + " are not available: " + e.getMessage());
        }
    }

    /** Before {@link Engine#boot}: loads what is approved and says what waits. */
    static void open(Engine engine, Path dataDir, PrintStream out) {
        engine.plugins().open(folder(dataDir));
        for (PluginView p : engine.plugins().plugins()) out.println(line(p.file(), p.sha256(), p.status().name(), p.detail()));
    }

    /** Once the engine runs: the folder is watched; a headless run prints each change. */
    static void watch(Engine engine, boolean headless, PrintStream out) {
        if (headless) {
            engine.events().subscribe("plugins", e -> {
                if (e instanceof SystemEvent.PluginChanged p) out.println(line(p.file(), p.sha256(), p.status(), p.detail()));
            });
        }
        engine.plugins().watch(WATCH_EVERY);
    }

    static String line(String file, String sha256, String status, String detail) {
        return switch (status) {
            case "AWAITING_APPROVAL" -> "plug-in " + file + " is not loaded: it waits for approval. SHA-256 " + sha256
                    + ". Approve it in the console, or check the SHA-256 and put it in " + file + ".sha256 beside it";
            case "FAILED" -> "plug-in " + file + " failed: " + detail;
            default -> "plug-in " + file + ": " + detail;
        };
    }
}
