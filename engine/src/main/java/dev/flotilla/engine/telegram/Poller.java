package dev.flotilla.engine.telegram;

import dev.flotilla.engine.telegram.TelegramClient.TelegramException;
import dev.flotilla.engine.telegram.TelegramClient.Update;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that long-polls getUpdates and hands each command of a configured chat to the {@link CommandHandler};
 * anything from another chat is ignored (and logged with its chat id only). What waited at Telegram before this start
 * is skipped: a /flatten typed yesterday is not obeyed today.
 */
final class Poller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    static final long MAX_BACKOFF_MS = 30_000;

    private final TelegramClient client;
    private final Set<Long> chats;
    private final CommandHandler handler;
    private final Outbox outbox;
    private final Counters counters;
    private final int timeoutSeconds;
    private final long backoffMs;
    private final Thread thread;
    /** getUpdates calls answered, for tests that must wait for the first. */
    final AtomicLong polls = new AtomicLong();
    private volatile boolean open = true;

    Poller(TelegramClient client, Set<Long> chats, CommandHandler handler, Outbox outbox, Counters counters,
           int timeoutSeconds, long backoffMs) {
        this.client = client;
        this.chats = Set.copyOf(chats);
        this.handler = handler;
        this.outbox = outbox;
        this.counters = counters;
        this.timeoutSeconds = timeoutSeconds;
        this.backoffMs = backoffMs;
        this.thread = Thread.ofPlatform().daemon().name("telegram-poll").start(this::run);
    }

    private void run() {
        long offset = 0;
        boolean first = true;
        long failures = 0;
        while (open) {
            List<Update> updates;
            try {
                updates = client.getUpdates(offset, first ? 0 : timeoutSeconds);
                polls.incrementAndGet();
                failures = 0;
            } catch (TelegramException e) {
                if (!open) return;
                counters.lastError = e.getMessage();
                long wait = e.retryAfter() > 0 ? e.retryAfter() * 1_000L : Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(failures++, 16));
                log.info("Telegram getUpdates failed, again in {} ms: {}", wait, e.getMessage());
                if (!sleep(wait)) return;
                continue;
            }
            for (Update u : updates) {
                offset = Math.max(offset, u.id() + 1);
                if (first) continue;
                handle(u);
            }
            if (first && !updates.isEmpty()) log.info("skipped {} Telegram message(s) sent before this start", updates.size());
            first = false;
        }
    }

    private void handle(Update u) {
        if (!chats.contains(u.chatId())) {
            log.info("ignored a Telegram message from chat {}, which is not configured", u.chatId());
            return;
        }
        if (u.callbackId() != null) {
            try {
                client.answerCallback(u.callbackId());
            } catch (TelegramException e) {
                log.debug("answerCallbackQuery failed: {}", e.getMessage());
            }
        }
        if (!u.text().startsWith("/")) return;
        log.info("Telegram command from chat {}: {}", u.chatId(), u.text().split("\\s+")[0]);
        CommandHandler.Reply r = handler.handle(u.chatId(), u.text());
        outbox.offer(new Outbox.Message(u.chatId(), r.text(), r.buttonText(), r.buttonData()));
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
