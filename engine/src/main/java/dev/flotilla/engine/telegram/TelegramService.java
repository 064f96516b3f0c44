package dev.flotilla.engine.telegram;

import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.TelegramApi;
import dev.flotilla.engine.event.Subscription;
import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import dev.flotilla.engine.secrets.TokenVault;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.telegram.TelegramClient.TelegramException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram bot of a running engine: started when a token and at least one chat are configured, restarted when
 * either changes, and closed with the app. It is a bus subscriber with a queue of its own, so a slow or dead
 * Telegram costs the engine nothing: what does not fit is dropped and counted.
 */
public final class TelegramService implements TelegramApi, AutoCloseable {

    /**
     * @param fillWindowMs fills within this long of the first go out as one message
     * @param minGapMs     the least time between two messages to one chat (Telegram: one a second)
     * @param backoffMs    the first retry's wait; each next one waits twice as long
     */
    public record Options(String baseUrl, long fillWindowMs, long minGapMs, long backoffMs, int pollTimeoutSeconds,
                          int queueCapacity) {
        public static Options defaults(String baseUrl) {
            return new Options(baseUrl, 5_000, 1_000, 1_000, 25, 100);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TelegramService.class);

    private final EngineApi engine;
    private final Store store;
    private final TokenVault vault;
    private final Options options;
    private final Counters counters = new Counters();
    private long droppedBefore;
    private Outbox outbox;
    private Subscription subscription;
    private Poller poller;
    private ScheduledExecutorService timer;

    public TelegramService(EngineApi engine, Store store, TokenVault vault, Options options) {
        this.engine = engine;
        this.store = store;
        this.vault = vault;
        this.options = options;
    }

    /** The base URL a data folder's settings name, else Telegram's own. */
    public static String baseUrl(Store store) {
        return store.setting(TelegramSettings.URL).orElse(TelegramClient.DEFAULT_URL);
    }

    /** Starts the bot when it is configured; a Flotilla without it runs just the same. */
    public synchronized void start() {
        stopParts();
        Config config = config();
        if (config.chatIds().isEmpty()) {
            log.info("Telegram bot off (no chat id configured)");  // and the keychain is not asked
            return;
        }
        String token;
        try {
            token = vault.load().orElse(null);
        } catch (KeyVaultException e) {
            counters.lastError = e.getMessage();
            log.warn("the Telegram token cannot be read: {}", e.getMessage());
            return;
        }
        if (token == null) {
            log.info("Telegram bot off (no token kept; set one in the console or {})", TokenVault.ENV);
            return;
        }
        TelegramClient client = new TelegramClient(options.baseUrl(), token);
        outbox = new Outbox(m -> client.sendMessage(m.chatId(), m.text(), m.buttonText(), m.buttonData()),
                options.minGapMs(), options.backoffMs(), options.queueCapacity(), counters);
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("telegram-timer").unstarted(r));
        List<Long> chats = config.chatIds();
        Outbox box = outbox;
        Notifier notifier = new Notifier(config.kinds(), text -> chats.forEach(c -> box.offer(Outbox.Message.of(c, text))),
                engine::snapshot, timer, options.fillWindowMs());
        subscription = engine.events().subscribe("telegram", options.queueCapacity() * 10, notifier);
        poller = new Poller(client, new HashSet<>(chats), new CommandHandler(engine, System::currentTimeMillis), outbox,
                counters, options.pollTimeoutSeconds(), options.backoffMs());
        log.info("Telegram bot on for {} chat(s), notifying {}", chats.size(), TelegramSettings.kinds(config));
    }

    private void stopParts() {
        if (subscription != null) {
            subscription.close();
            droppedBefore += subscription.dropped();
            subscription = null;
        }
        if (poller != null) poller.close();
        if (timer != null) timer.shutdownNow();
        if (outbox != null) outbox.close();
        poller = null;
        timer = null;
        outbox = null;
    }

    @Override
    public Config config() {
        return TelegramSettings.read(store.settings());
    }

    @Override
    public void setConfig(Config config) {
        store.write(tx -> {
            tx.setting(TelegramSettings.CHATS, TelegramSettings.chats(config));
            tx.setting(TelegramSettings.KINDS, TelegramSettings.kinds(config));
        });
        start();
    }

    @Override
    public void setToken(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("the token is empty");
        vault.save(token.strip());
        log.info("Telegram token kept in the {}", vault.describe());
        start();
    }

    @Override
    public void forgetToken() {
        vault.delete();
        log.info("Telegram token removed from the {}", vault.describe());
        start();
    }

    @Override
    public TestResult sendTest(String token, List<Long> chatIds) {
        String t = token == null || token.isBlank() ? null : token.strip();
        try {
            if (t == null) t = vault.load().orElse(null);
        } catch (KeyVaultException e) {
            return new TestResult(false, e.getMessage());
        }
        if (t == null) return new TestResult(false, "No token: enter the token @BotFather gave the bot.");
        if (chatIds.isEmpty()) return new TestResult(false, "No chat id: enter the chat the bot should tell.");
        TelegramClient client = new TelegramClient(options.baseUrl(), t);
        try {
            String name = client.getMe();
            for (long chat : chatIds) client.sendMessage(chat, "✅ Flotilla test message: @" + name + " is connected.", null, null);
            counters.sent.addAndGet(chatIds.size());
            return new TestResult(true, "Sent to " + chatIds.size() + " chat(s) as @" + name + ".");
        } catch (TelegramException e) {
            counters.lastError = e.getMessage();
            return new TestResult(false, e.getMessage());
        } catch (RuntimeException e) {
            return new TestResult(false, client.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    @Override
    public synchronized Status status() {
        String kept;
        try {
            kept = vault.load().isPresent() ? vault.describe() : null;
        } catch (KeyVaultException e) {
            kept = null;
        }
        long dropped = counters.dropped.get() + droppedBefore + (subscription == null ? 0 : subscription.dropped());
        return new Status(outbox != null, kept, counters.lastError, counters.sent.get(), counters.failed.get(), dropped);
    }

    /** Messages waiting to be sent (tests). */
    synchronized int waiting() {
        return outbox == null ? 0 : outbox.waiting();
    }

    /** Whether the bot is sending and polling. */
    public synchronized boolean running() {
        return outbox != null;
    }

    /** getUpdates answered so far (tests wait for the first, which skips what waited before the start). */
    synchronized long polls() {
        return poller == null ? 0 : poller.polls.get();
    }

    @Override
    public synchronized void close() {
        stopParts();
    }
}
