package dev.flotilla.engine.clock;



/** The computer's clock: the one place outside tests where engine code reads the system time. */
enum SystemWallClock implements WallClock {
    INSTANCE;

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanosUntil(long t) {
        return Math.max(0, t - System.currentTimeMillis()) * 1_000_000L;
    }
}
