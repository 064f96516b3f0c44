package dev.flotilla.engine.market.sandbox;

import dev.flotilla.engine.clock.EngineClock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
final class TestClock {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** 2025-01-01T00:00:00Z. */
    static final long ORIGIN = 1_735_689_600_000L;

    private final AtomicLong now;
    final EngineClock clock;

    TestClock(long startMs) {
        this.now = new AtomicLong(startMs);
        this.clock = now::get;
    }

    long now() {
        return now.get();
    }

    void set(long ms) {
        now.set(ms);
    }

    void advance(long ms) {
        now.addAndGet(ms);
    }
}
