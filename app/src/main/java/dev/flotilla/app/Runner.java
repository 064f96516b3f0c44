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
    /** A status line that has not changed is printed again only after this long, to show the app is alive. */
    static final long SAME_STATUS_AGAIN_MS = 60_000;

    private final Settings settings;
    private final Store store;
    private final PrintStream out;
    private final PrintStream err;
    private final java.util.concurrent.CountDownLatch storeClosed;
    private String lastStatus;

    Runner(Settings settings, Store store, PrintStream out, PrintStream err, java.util.concurrent.CountDownLatch storeClosed) {
        this.settings = settings;
        this.store = store;
        this.out = out;
        this.err = err;
        this.storeClosed = storeClosed;
    }

    /** @param source where the prices come from, for the first line: "seed 7", "prices from https://..." */
    int run(Engine engine, String source) throws RuntimeException {
        Long end = settings.duration() == null ? null : engine.engineStart() + settings.duration().toMillis();
        out.println("Flotilla: " + engine.snapshot().bots().size() + " bots, " + engine.snapshot().mode() + ", " + source
                + ", data " + store.database().where());
        // SIGTERM or Ctrl-C: the engine finishes the event in hand, then the main thread closes the store; the JVM
        // must not halt before that, so the hook waits for it
        if (!engine.reconciliationDifferences().isEmpty() && settings.acceptBrokerView()) {
            engine.acceptBrokerView();
            out.println("accepted the broker's view: the ledger now holds the broker's balances");
        }
        if (engine.haltReason() != null) {
            out.println("HALTED: " + engine.haltReason() + "; nothing trades until an operator decides:");
            engine.reconciliationDifferences().forEach(d -> out.println("  " + d));
            out.println("  keep it halted, or run again with --accept-broker-view to take the broker's balances");
        }
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            try {
                engine.shutdown();
                storeClosed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        engine.start(end);
        PluginStart.watch(engine, settings.headless(), out);
        // flotilla fleet apply hands its fleet files to this app through the folder's inbox
        InboxWatcher inbox = new InboxWatcher(settings.dataDir(), engine.fleetImport());
        inbox.start();
        dev.flotilla.engine.telegram.TelegramService telegram = TelegramStart.start(engine, store, out);
        try {
            if (settings.headless()) {
                // engine time moves only at events: on Binance (real time) every 10 s, so half the lines would repeat
                long lastPrinted = System.nanoTime();
                while (!engine.awaitTermination(STATUS_EVERY_MS)) {
                    String line = status(engine);
                    boolean stale = System.nanoTime() - lastPrinted >= TimeUnit.MILLISECONDS.toNanos(SAME_STATUS_AGAIN_MS);
                    if (!line.equals(lastStatus) || stale) {
                        printStatus(line);
                        lastPrinted = System.nanoTime();
                    }
                }
            } else {
                try {
                    ConsoleBridge.open(engine, store, settings.dataDir(), telegram);
                } catch (RuntimeException | LinkageError e) {
                    // one line on the console; the stack trace in the log file only (WARN does not reach the console)
                    err.println("flotilla: " + WindowFailure.message(e));
                    log.warn("the window cannot open", e);
                    engine.shutdown();
                    engine.awaitTermination();
                    return Main.FAILED;
                }
                engine.shutdown();
            }
            engine.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            telegram.close();
            stop(inbox);
        }
        engine.plugins().stopWatching();  // the store closes next
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it stops the engine, and we print what we have
        }
        String last = status(engine);
        if (!last.equals(lastStatus)) printStatus(last);
        if (engine.failure() != null) {
            err.println("flotilla: the engine stopped on an error: " + engine.failure());
            return Main.FAILED;
        }
        if (settings.headless()) out.print(RunSummary.of(engine, store).format());
        log.info("stopped cleanly");
        return Main.OK;
    }

    private static void stop(InboxWatcher inbox) {
        try {
            inbox.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printStatus(String line) {
        out.println(line);
        lastStatus = line;
    }

    static String status(Engine engine) {
        String line = status(engine.snapshot());
        if (engine.haltReason() != null) line += "  HALTED (" + engine.haltReason() + ")";
        if (engine.storeProblem() != null) line += "  " + engine.storeProblem();
        return line;
    }

    static String status(FleetSnapshot s) {
        return String.format("%s  %s  %s  running %d/%d  open positions %d  equity %s USDT  pnl %s",
                Instant.ofEpochMilli(s.engineTime()), s.state(), s.mode(), s.running(), s.bots().size(),
                s.openPositions(), s.equity().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                s.pnl().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    }
}
