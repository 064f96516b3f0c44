package dev.flotilla.engine.clock;



/** Engine time that the engine loop moves forward itself; the same in real time, accelerated and backtests. */
public final class SimulatedClock implements EngineClock {

    private volatile long now;

    public SimulatedClock(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    public void advanceTo(long t) {
        if (t < now) throw new IllegalStateException("engine time cannot go back from " + now + " to " + t);
        now = t;
    }
}
