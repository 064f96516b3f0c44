package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.clock.WallClock;

/**
 * Binance's clock as seen from here: the computer's clock plus the offset measured with {@code /api/v3/time}
 * (server time minus the middle of the round trip). The engine follows {@link #engine()}, which runs a little
 * behind the server on purpose, so that when the engine reaches a candle close the candle is closed at Binance.
 */
final class ServerClock implements WallClock {

    private final WallClock local;
    private final long settleMs;
    private volatile long offset;
    private volatile long roundTrip;
    private volatile long measuredAt = Long.MIN_VALUE;
    private volatile boolean stale = true;

    /** @param settleMs how far the engine stays behind the server, besides half the last round trip */
    ServerClock(WallClock local, long settleMs) {
        this.local = local;
        this.settleMs = settleMs;
    }

    /** Best estimate of Binance's time now. */
    @Override
    public long now() {
        return local.now() + offset;
    }

    @Override
    public long nanosUntil(long t) {
        return local.nanosUntil(toLocal(t));
    }

    WallClock local() {
        return local;
    }

    long toLocal(long serverTime) {
        return serverTime - offset;
    }

    long toServer(long localTime) {
        return localTime + offset;
    }

    /** Takes one measurement: the server's time and the local times just before and after asking. */
    void measured(long serverTime, long localBefore, long localAfter) {
        roundTrip = Math.max(0, localAfter - localBefore);
        offset = serverTime - (localBefore + localAfter) / 2;
        measuredAt = localAfter;
        stale = false;
    }

    /** A timestamp error (-1021) or a failed measurement: measure again before the next request. */
    void invalidate() {
        stale = true;
    }

    boolean needsMeasuring(long everyMs) {
        return stale || local.now() - measuredAt >= everyMs;
    }

    long offset() {
        return offset;
    }

    long roundTrip() {
        return roundTrip;
    }

    /** The clock the engine follows: server time less the settle margin and half the last round trip. */
    WallClock engine() {
        return new WallClock() {
            @Override
            public long now() {
                return ServerClock.this.now() - lag();
            }

            @Override
            public long nanosUntil(long t) {
                return local.nanosUntil(toLocal(t + lag()));
            }
        };
    }

    private long lag() {
        return settleMs + (roundTrip + 1) / 2;
    }
}
