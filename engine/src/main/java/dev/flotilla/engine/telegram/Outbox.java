package dev.flotilla.engine.telegram;

import dev.flotilla.engine.telegram.TelegramClient.TelegramException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages waiting for Telegram, one bounded queue per chat, sent by one thread of its own: at most one message
 * per chat every {@code minGapMs} (Telegram allows one a second), a 429 waited out for its {@code retry_after}, a 5xx
 * or an unreachable Telegram retried with exponential backoff, and given up on after {@link #MAX_ATTEMPTS}. Offering
 * never blocks: a full queue drops the message and counts it.
 */
final class Outbox implements AutoCloseable {

    record Message(long chatId, String text, String buttonText, String buttonData) {
        static Message of(long chatId, String text) {
            return new Message(chatId, text, null, null);
        }
    }

    @FunctionalInterface
    interface Sender {
        void send(Message m) throws TelegramException;
    }

    static final int MAX_ATTEMPTS = 6;
    static final long MAX_BACKOFF_MS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private record Pending(Message message, int attempt) {
    }

    private static final class Chat {
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        long nextAt;
    }

    private final Sender sender;
    private final long minGapMs;
    private final long backoffMs;
    private final int capacity;
    private final Counters counters;
    private final Map<Long, Chat> chats = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private volatile boolean open = true;

    Outbox(Sender sender, long minGapMs, long backoffMs, int capacity, Counters counters) {
        this.sender = sender;
        this.minGapMs = minGapMs;
        this.backoffMs = backoffMs;
        this.capacity = capacity;
        this.counters = counters;
        this.thread = Thread.ofPlatform().daemon().name("telegram-send").start(this::run);
    }

    /** Queues the message; false (and counted as dropped) when its chat's queue is full or the outbox is closed. */
    boolean offer(Message m) {
        lock.lock();
        try {
            Chat c = chats.computeIfAbsent(m.chatId(), id -> new Chat());
            if (!open || c.queue.size() >= capacity) {
                counters.dropped.incrementAndGet();
                return false;
            }
            c.queue.addLast(new Pending(m, 0));
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (open) {
            Chat chat;
            Pending p;
            lock.lock();
            try {
                chat = null;
                for (Chat c : chats.values()) {
                    if (!c.queue.isEmpty() && (chat == null || c.nextAt < chat.nextAt)) chat = c;
                }
                long wait = chat == null ? Long.MAX_VALUE : chat.nextAt - System.currentTimeMillis();
                if (wait > 0) {
                    if (chat == null) changed.await();
                    else changed.await(wait, TimeUnit.MILLISECONDS);
                    continue;
                }
                p = chat.queue.pollFirst();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            long next = deliver(p, chat);
            lock.lock();
            try {
                chat.nextAt = next;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sends one message; returns when its chat may be sent to next. */
    private long deliver(Pending p, Chat chat) {
        try {
            sender.send(p.message());
            counters.sent.incrementAndGet();
            return System.currentTimeMillis() + minGapMs;
        } catch (TelegramException e) {
            counters.lastError = e.getMessage();
            if (!e.retryable() || p.attempt() + 1 >= MAX_ATTEMPTS) {
                counters.failed.incrementAndGet();
                log.warn("Telegram message to chat {} given up after {} attempt(s): {}", p.message().chatId(), p.attempt() + 1,
                        e.getMessage());
                return System.currentTimeMillis() + minGapMs;
            }
            long delay = e.retryAfter() > 0 ? e.retryAfter() * 1_000L
                    : Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(p.attempt(), 16));
            log.info("Telegram message to chat {} retried in {} ms: {}", p.message().chatId(), delay, e.getMessage());
            lock.lock();
            try {
                chat.queue.addFirst(new Pending(p.message(), p.attempt() + 1));
            } finally {
                lock.unlock();
            }
            return System.currentTimeMillis() + Math.max(delay, minGapMs);
        } catch (RuntimeException e) {
            counters.failed.incrementAndGet();
            counters.lastError = e.getClass().getSimpleName();
            log.warn("Telegram message to chat {} failed: {}", p.message().chatId(), e.getClass().getSimpleName());
            return System.currentTimeMillis() + minGapMs;
        }
    }

    /** Messages still waiting, over all chats. */
    int waiting() {
        lock.lock();
        try {
            return chats.values().stream().mapToInt(c -> c.queue.size()).sum();
        } finally {
            lock.unlock();
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
