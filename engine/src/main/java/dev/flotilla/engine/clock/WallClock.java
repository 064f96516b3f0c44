package dev.flotilla.engine.clock;



/**
 * The present of the world outside the engine, which a real-time engine follows: the computer's clock, an
 * exchange's clock estimated from it, or in tests a virtual clock that moves only when someone waits on it.
 */
public interface WallClock extends EngineClock {

    /**
     * How long a thread that waits for time {@code t} should block now, in nanoseconds; 0 once {@code t} has come.
     * A virtual clock moves to {@code t} and answers 0.
     */
    long nanosUntil(long t);

    /** Blocks until time {@code t} has come. */
    default void sleepUntil(long t) throws InterruptedException {
        long n;
        while ((n = nanosUntil(t)) > 0) java.util.concurrent.TimeUnit.NANOSECONDS.sleep(n);
    }

    /** The computer's clock. */
    static WallClock system() {
        return SystemWallClock.INSTANCE;
    }
}
