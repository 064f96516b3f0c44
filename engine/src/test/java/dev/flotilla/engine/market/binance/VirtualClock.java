package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.clock.WallClock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The computer's clock in tests and in the market-data benchmark: it stands still until someone waits for a later
 * time, then moves there at once.
 * An engine that follows it runs as fast as the machine allows, with every wait (the pace of the loop, a budget
 * that is full) taking no real time.
 */
public final class VirtualClock implements WallClock {

    private final AtomicLong now;

    public VirtualClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long now() {
        return now.get();
    }

    @Override
    public long nanosUntil(long t) {
        now.accumulateAndGet(t, Math::max);
        return 0;
    }

    void advance(long ms) {
        now.addAndGet(ms);
    }
}
