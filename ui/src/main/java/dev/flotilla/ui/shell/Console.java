package dev.flotilla.ui.shell;

import dev.flotilla.engine.api.BacktestApi;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.LiveApi;
import dev.flotilla.ui.fx.FxLoader;
import dev.flotilla.ui.prefs.Prefs;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console on one engine: its window, its tray icon and what closing the window does (quit, or keep the
 * fleet trading in the tray, as set). Create and use it on the FX thread.
 */
public final class Console {

    private static final Logger log = LoggerFactory.getLogger(Console.class);

    private final Prefs prefs;
    private final Stage stage = new Stage();
    private final FxLoader loader = new FxLoader();
    private final Optional<Tray> tray;
    private final MainWindow window;
    private final Runnable onQuit;
    private boolean quitting;

    /**
     * @param prefsFile where the console keeps its settings (null: defaults, not saved)
     * @param withTray  whether to try the system tray (tests run without)
     * @param onQuit    called once on the FX thread when the operator quits
     */
    public Console(EngineApi engine, Path prefsFile, boolean withTray, Runnable onQuit) {
        this(engine, null, prefsFile, withTray, onQuit);
    }

    /** The same with the Backtests screen on {@code backtests} (null: without it). */
    public Console(EngineApi engine, BacktestApi backtests, Path prefsFile, boolean withTray, Runnable onQuit) {
        this(engine, backtests, null, prefsFile, withTray, onQuit);
    }

    /** The same with live trading's keys dialog on {@code live} (null: the dialog says keys are not available). */
    public Console(EngineApi engine, BacktestApi backtests, LiveApi live, Path prefsFile, boolean withTray, Runnable onQuit) {
        this.prefs = Prefs.load(prefsFile);
        this.onQuit = onQuit;
        this.tray = withTray ? Tray.install(this::showWindow, this::haltFleet, this::quit) : Optional.empty();
        this.window = new MainWindow(engine, backtests, live, prefs, stage, loader, tray, this::quit);
        stage.setTitle("Flotilla");
        stage.getIcons().addAll(AppIcon.fx(16), AppIcon.fx(32), AppIcon.fx(64));
        stage.setScene(window.scene());
        stage.setMinWidth(1200);
        stage.setMinHeight(640);
        Placement.restore(stage, prefs);
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeWindow();
        });
    }

    /** Gives the Telegram… dialog its bot (null: the dialog says it is not available); returns this console. */
    public Console telegram(dev.flotilla.engine.api.TelegramApi telegram) {
        window.actions().telegram(telegram);
        return this;
    }

    /** Gives the log view the app's log file; returns this console. */
    public Console logs(dev.flotilla.engine.api.LogTail tail) {
        window.logFile().use(tail);
        return this;
    }

    public void show() {
        stage.show();
    }

    /** Shows the window, with the first-run help over it unless it was dismissed before. */
    public void showFirstTime() {
        show();
        window.help().showIfNew();
    }

    /** What the window's close button does: hide to the tray, or quit. */
    public void closeWindow() {
        Placement.remember(stage, prefs);
        if (prefs.closeAction().get() == Prefs.CloseAction.TRAY && tray.isPresent()) {
            stage.hide();
            tray.get().notify(new Notices.Notice("Flotilla keeps trading",
                    "The fleet trades on in the background; use the tray icon to show the window or quit.", Notices.Level.INFO));
            log.info("window closed; the fleet keeps trading in the tray");
        } else {
            quit();
        }
    }

    /** The tray's "Halt fleet": the window, with the kill switch dialog over it. */
    private void haltFleet() {
        showWindow();
        window.actions().risk().killSwitch();
    }

    public void showWindow() {
        stage.show();
        stage.toFront();
    }

    /** Closes the window and the tray icon, then tells the app, which shuts the engine down. */
    public void quit() {
        if (quitting) return;
        quitting = true;
        if (stage.isShowing()) Placement.remember(stage, prefs);
        window.close();
        loader.close();
        tray.ifPresent(Tray::close);
        stage.hide();
        onQuit.run();
    }

    public MainWindow window() {
        return window;
    }

    public Prefs prefs() {
        return prefs;
    }

    public boolean hasTray() {
        return tray.isPresent();
    }
}
