package dev.flotilla.app;

import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.secrets.TokenVault;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.telegram.TelegramService;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The optional Telegram bot: on when the data folder names a chat and a token is kept (or in FLOTILLA_TELEGRAM_TOKEN). */
final class TelegramStart {

    private static final Logger log = LoggerFactory.getLogger(TelegramStart.class);

    private TelegramStart() {
    }

    static TelegramService start(Engine engine, Store store, PrintStream out) {
        TelegramService t = new TelegramService(engine, store, TokenVault.system(),
                TelegramService.Options.defaults(TelegramService.baseUrl(store)));
        try {
            t.start();
            if (t.running()) out.println("Telegram bot on for " + t.config().chatIds().size() + " chat(s)");
        } catch (RuntimeException e) {
            // Flotilla runs the same without it
            log.warn("the Telegram bot could not start: {}", e.getMessage());
        }
        return t;
    }
}
