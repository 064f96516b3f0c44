package dev.flotilla.app;

import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.kernel.RunSummary;
import dev.flotilla.engine.store.Store;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a booted engine, headless with status lines or in the window, and shuts it down gracefully. */
final class Runner {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);
    static final long STATUS_EVERY_MS = 5_000;

    private final Settings settings;
    private final Store store;
    private final PrintStream out;
    private final PrintStream err;

    Runner(Settings settings, Store store, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.store = store;
        this.out = out;
        this.err = err;
    }

    int run(Engine engine, long seed) throws RuntimeException {
        Long end = settings.duration() == null ? null : engine.engineStart() + settings.duration().toMillis();
        out.println("Flotilla: " + engine.snapshot().bots().size() + " bots, " + engine.snapshot().mode() + ", seed " + seed
                + ", data " + store.database().file());
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            try {
                engine.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        engine.start(end);
        try {
            if (settings.headless()) {
                while (!waitFor(engine, STATUS_EVERY_MS)) out.println(status(engine.snapshot()));
            } else {
                ConsoleBridge.open(engine, settings.dataDir());
                engine.shutdown();
            }
            engine.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it stops the engine, and we print what we have
        }
        out.println(status(engine.snapshot()));
        if (engine.failure() != null) {
            err.println("flotilla: the engine stopped on an error: " + engine.failure());
            return Main.FAILED;
        }
        if (settings.headless()) out.print(RunSummary.of(engine, store).format());
        log.info("stopped cleanly");
        return Main.OK;
    }

    private static boolean waitFor(Engine engine, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            if (!engine.isRunning()) return true;
            Thread.sleep(20);
        }
        return !engine.isRunning();
    }

    static String status(FleetSnapshot s) {
        return String.format("%s  %s  %s  running %d/%d  open positions %d  equity %s USDT  pnl %s",
                Instant.ofEpochMilli(s.engineTime()), s.state(), s.mode(), s.running(), s.bots().size(),
                s.openPositions(), s.equity().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                s.pnl().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    }
}
