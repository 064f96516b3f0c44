package dev.flotilla.app;

import dev.flotilla.engine.clock.EngineClock;

/** Lets the market be made before the engine whose clock it must read. */
final class ClockHandle implements EngineClock {

    private final long initial;
    private volatile EngineClock target;

    ClockHandle(long initial) {
        this.initial = initial;
    }

    void follow(EngineClock clock) {
        this.target = clock;
    }

    @Override
    public long now() {
        EngineClock t = target;
        return t == null ? initial : t.now();
    }
}
