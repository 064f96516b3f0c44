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

    /** The chat ids, "123456789,-1001234", for a headless server; stored in the data folder's settings. */
    static final String CHATS_ENV = "FLOTILLA_TELEGRAM_CHATS";
    private static final Logger log = LoggerFactory.getLogger(TelegramStart.class);

    private TelegramStart() {
    }

    static TelegramService start(Engine engine, Store store, PrintStream out) {
        TelegramService t = new TelegramService(engine, store, TokenVault.system(),
                TelegramService.Options.defaults(TelegramService.baseUrl(store)));
        try {
            // a headless server without a console names its chats in the environment
            String chats = System.getenv(CHATS_ENV);
            if (chats != null && !chats.isBlank()) {
                var c = t.config();
                var ids = dev.flotilla.engine.telegram.TelegramSettings.parseChats(chats);
                if (!ids.equals(c.chatIds())) t.setConfig(new dev.flotilla.engine.api.TelegramApi.Config(ids, c.kinds()));
            }
            t.start();
            if (t.running()) out.println("Telegram bot on for " + t.config().chatIds().size() + " chat(s)");
        } catch (RuntimeException e) {
            // Flotilla runs the same without it
            log.warn("the Telegram bot could not start: {}", e.getMessage());
        }
        return t;
    }
}
