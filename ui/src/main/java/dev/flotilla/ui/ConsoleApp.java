package dev.flotilla.ui;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.engine.api.LogTail;
import dev.flotilla.engine.api.TelegramApi;
import dev.flotilla.ui.prefs.Prefs;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** Starts JavaFX, opens the console on a running engine and waits until the operator quits. */
public final class ConsoleApp {

    /** Counted down once the toolkit is up, or once it has failed to start ({@link #failure} then says why). */
    private static final CountDownLatch started = new CountDownLatch(1);
    private static volatile Throwable failure;
    private static boolean starting;

    private ConsoleApp() {
    }

    /**
     * Starts JavaFX on a thread of its own and returns at once, so the toolkit comes up while the app opens its
     * store and boots the engine. Calling it again, or not at all, is harmless: {@link #show} starts the toolkit
     * itself when it is not up.
     */
    public static synchronized void prepare() {
        if (starting) return;
        starting = true;
        Platform.setImplicitExit(false);
        Thread.ofPlatform().daemon().name("console-start").start(() -> {
            try {
                Platform.startup(started::countDown);
            } catch (RuntimeException | LinkageError e) {  // no display, no graphics libraries
                failure = e;
                started.countDown();
            }
        });
    }

    /**
     * Opens the console and blocks until the operator quits (closing the window may only hide it in the
     * tray). The console's settings live in {@code dataDir}.
     *
     * @throws IllegalStateException when the window cannot open here (the toolkit failed to start)
     */
    public static void show(EngineApi engine, Path dataDir) {
        show(engine, null, dataDir);
    }

    /** The same with the Backtests screen on {@code backtests} (null: without it). */
    public static void show(EngineApi engine, BacktestApi backtests, Path dataDir) {
        show(engine, backtests, null, dataDir);
    }

    /** The same with live trading's keys on {@code live} (null: the keys dialog says they are not available in this mode). */
    public static void show(EngineApi engine, BacktestApi backtests, LiveApi live, Path dataDir) {
        show(engine, backtests, live, null, dataDir);
    }

    /** The same with the Telegram bot's dialog on {@code telegram} (null: the dialog says it is not available). */
    public static void show(EngineApi engine, BacktestApi backtests, LiveApi live, TelegramApi telegram, Path dataDir) {
        show(engine, backtests, live, telegram, LogTail.NONE, dataDir);
    }

    /**
     * The same with the log view on {@code logs}. On the first start (no dismissed help in the console's settings) the
     * first-run help lies over the window.
     */
    public static void show(EngineApi engine, BacktestApi backtests, LiveApi live, TelegramApi telegram, LogTail logs,
                            Path dataDir) {
        prepare();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure != null) throw new IllegalStateException(String.valueOf(failure.getMessage()), failure);
        CountDownLatch quit = new CountDownLatch(1);
        Platform.runLater(() -> new Console(engine, backtests, live, dataDir.resolve(Prefs.FILE_NAME), true, quit::countDown)
                .telegram(telegram).logs(logs).showFirstTime());
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }
}
