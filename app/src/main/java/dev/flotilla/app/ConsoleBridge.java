package dev.flotilla.app;

import dev.flotilla.engine.backtest.BacktestService;
import dev.flotilla.engine.store.Store;
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

    /**
     * The console keeps its own settings (theme, window, notifications) in the data folder; its Backtests screen runs
     * on the app's store, with the history stored in that folder, and keeps its runs there. Its keys dialog tries keys
     * at the folder's Binance URL (production for a sandbox folder) and keeps them in the OS keychain.
     */
    static void open(dev.flotilla.engine.kernel.Engine engine, Store store, Path dataDir, dev.flotilla.engine.api.TelegramApi telegram) {
        String url = store.setting(dev.flotilla.engine.config.EngineSettings.BINANCE_URL)
                .orElse(dev.flotilla.engine.api.MarketChoice.PRODUCTION_URL);
        ConsoleApp.show(engine, new BacktestService(store, engine.registry(), "history in " + dataDir),
                new dev.flotilla.engine.execution.live.LiveKeysService(LiveKeys.vault(), url), telegram,
                new dev.flotilla.engine.logs.LogFile(Logging.file(dataDir)), dataDir);
    }
}
