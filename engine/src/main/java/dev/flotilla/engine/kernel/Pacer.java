package dev.flotilla.engine.kernel;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds the engine loop back so engine time runs at the chosen speed, or follows an outside clock (an
 * exchange's), running operator commands while it waits. At maximum speed it never waits.
 */
final class Pacer {

    private final double speed;
    private final WallClock follow;
    private final BlockingQueue<Runnable> commands;
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
    static Pacer following(WallClock clock, BlockingQueue<Runnable> commands) {
        return new Pacer(1, clock, commands, clock.now());
    }

    /** Waits until engine time {@code t} is due; returns false when asked to stop meanwhile. */
    boolean awaitEngineTime(long t, java.util.function.BooleanSupplier stopping) throws InterruptedException {
        if (follow != null) return follow(t, stopping);
        if (speed == EngineConfig.MAX_SPEED) return !stopping.getAsBoolean();
        long dueNanos = anchorWallNanos + (long) ((t - anchorEngine) * 1_000_000.0 / speed);
        while (!stopping.getAsBoolean()) {
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
