package dev.flotilla.bench;

import dev.flotilla.engine.kernel.WallClock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The computer's clock of a market-data run: it stands still until someone waits for a later time, then jumps there,
 * so an engine that follows Binance's clock runs hours of real time in seconds, every request still going over HTTP.
 */
final class VirtualClock implements WallClock {

    private final AtomicLong now;

    VirtualClock(long start) {
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
}
