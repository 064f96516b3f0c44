package dev.flotilla.engine.telegram;

import java.util.concurrent.atomic.AtomicLong;

/** How the bot is doing: messages sent, given up on and dropped, and the last failure (never with the token). */
final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    volatile String lastError;
}
