package dev.flotilla.engine.clock;

import dev.flotilla.engine.config.EngineConfig;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds the engine loop back so engine time runs at the chosen speed, or follows an outside clock (an
 * exchange's), running operator commands while it waits. At maximum speed it never waits. Only the engine
 * thread uses it.
 */
public final class Pacer {

    private final WallClock follow;
    private final BlockingQueue<Runnable> commands;
    private double speed;
    private long anchorWallNanos;
    private long anchorEngine;

    Pacer(double speed, BlockingQueue<Runnable> commands, long engineStart) {
        this(speed, null, commands, engineStart);
    }

    private Pacer(double speed, WallClock follow, BlockingQueue<Runnable> commands, long engineStart) {
        this.speed = speed;
        this.follow = follow;
        this.commands = commands;
        this.anchorWallNanos = System.nanoTime();
        this.anchorEngine = engineStart;
    }

    /** Engine time that is the time of {@code clock}: an event at t runs once the clock has reached t. */
    public static Pacer following(WallClock clock, BlockingQueue<Runnable> commands) {
        return new Pacer(1, clock, commands, clock.now());
    }

    /** Runs at a new speed from engine time {@code engineNow} on (a command, so on the engine thread). */
    void speed(double s, long engineNow) {
        speed = s;
        anchorWallNanos = System.nanoTime();
        anchorEngine = engineNow;
    }

    /** Waits until engine time {@code t} is due; returns false when asked to stop meanwhile. */
    public boolean awaitEngineTime(long t, java.util.function.BooleanSupplier stopping) throws InterruptedException {
        if (follow != null) return follow(t, stopping);
        while (!stopping.getAsBoolean()) {
            // recomputed each round: a command run while waiting may have changed the speed
            if (speed == EngineConfig.MAX_SPEED) return true;
            long dueNanos = anchorWallNanos + (long) ((t - anchorEngine) * 1_000_000.0 / speed);
            long wait = dueNanos - System.nanoTime();
            if (wait <= 0) {
                // far behind (a slow machine or a suspended laptop): do not race to catch up, restart the pace
                if (-wait > 5_000_000_000L) {
                    anchorWallNanos = System.nanoTime();
                    anchorEngine = t;
                }
                return true;
            }
            Runnable r = commands.poll(Math.min(wait, 50_000_000L), TimeUnit.NANOSECONDS);
            if (r != null) r.run();
        }
        return false;
    }

    private boolean follow(long t, java.util.function.BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            long wait = follow.nanosUntil(t);
            if (wait <= 0) return true;
            Runnable r = commands.poll(Math.min(wait, 50_000_000L), TimeUnit.NANOSECONDS);
            if (r != null) r.run();
        }
        return false;
    }
}
