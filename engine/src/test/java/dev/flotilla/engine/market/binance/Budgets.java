package dev.flotilla.engine.market.binance;

import java.util.List;

/** The weight a server saw, counted the way its limits count it. */
final class Budgets {
    private Budgets() {
    }

    /** The most weight in any 60-second window [t, t + 60 s), however it is placed. */
    static long maxInAnyMinute(List<FakeBinance.Request> requests) {
        long max = 0;
        for (FakeBinance.Request start : requests) {
            long sum = 0;
            for (FakeBinance.Request r : requests) {
                if (r.serverTime() >= start.serverTime() && r.serverTime() < start.serverTime() + 60_000) sum += r.weight();
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** The most weight in one calendar minute of the server's clock, as X-MBX-USED-WEIGHT-1M counts it. */
    static long maxInACalendarMinute(List<FakeBinance.Request> requests) {
        java.util.Map<Long, Long> byMinute = new java.util.HashMap<>();
        for (FakeBinance.Request r : requests) byMinute.merge(Math.floorDiv(r.serverTime(), 60_000), (long) r.weight(), Long::sum);
        return byMinute.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
