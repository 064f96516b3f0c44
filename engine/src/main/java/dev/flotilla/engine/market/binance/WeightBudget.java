package dev.flotilla.engine.market.binance;

import java.util.ArrayDeque;
import java.util.List;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.RateLimit;

/**
 * The request weight this process allows itself with Binance. Two rules, both checked before a request is sent:
 * the weight this process sent in the last 60 seconds (a sliding window, so every minute, however it is cut,
 * stays inside) plus the new request stays within the budget; and when Binance has reported the weight this IP
 * used in the current minute ({@code X-MBX-USED-WEIGHT-1M}, other programs included), that plus what was sent
 * since plus the new request stays within the budget too. The budget is Binance's published limit less a
 * safety margin. Times are milliseconds of the local clock for the window and of the server for its minutes.
 */
final class WeightBudget {

    static final long MINUTE = 60_000;

    private final double share;
    private int limit;
    private final ArrayDeque<long[]> sent = new ArrayDeque<>();
    private long sentSum;
    private long reportedMinute = Long.MIN_VALUE;
    private long reportedUsed;
    private long sentSinceReport;

    /**
     * @param limitPerMinute Binance's REQUEST_WEIGHT limit per minute
     * @param share          the part of it this process may use, e.g. 0.8
     */
    WeightBudget(int limitPerMinute, double share) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        this.share = share;
        this.limit = limitPerMinute;
    }

    synchronized void limit(int perMinute) {
        if (perMinute > 0) this.limit = perMinute;
    }

    synchronized int limit() {
        return limit;
    }

    /** The weight this process allows itself per minute. */
    synchronized int budget() {
        return (int) Math.floor(limit * share);
    }

    /** Weight sent in the 60 seconds up to {@code localNow}. */
    synchronized long usedInLastMinute(long localNow) {
        expire(localNow);
        return sentSum;
    }

    /** The last weight Binance reported for this IP in the server minute of {@code serverNow}, or -1. */
    synchronized long reported(long serverNow) {
        return Math.floorDiv(serverNow, MINUTE) == reportedMinute ? reportedUsed + sentSinceReport : -1;
    }

    /**
     * Reserves {@code weight} if both rules allow it now; otherwise returns how many milliseconds to wait before
     * asking again (the rules may still say no then, if Binance reports more use).
     *
     * @return 0 when reserved
     */
    synchronized long tryAcquire(int weight, long localNow, long serverNow) {
        int budget = budget();
        if (weight > budget) throw new IllegalArgumentException("a request of weight " + weight + " exceeds the budget " + budget);
        expire(localNow);
        long wait = 0;
        if (sentSum + weight > budget) {
            // wait until enough of the window has expired
            long freed = 0;
            for (long[] e : sent) {
                freed += e[1];
                if (sentSum - freed + weight <= budget) {
                    wait = e[0] + MINUTE - localNow;
                    break;
                }
            }
        }
        long minute = Math.floorDiv(serverNow, MINUTE);
        if (minute == reportedMinute && reportedUsed + sentSinceReport + weight > budget) {
            wait = Math.max(wait, (minute + 1) * MINUTE - serverNow);
        }
        if (wait > 0) return wait;
        sent.addLast(new long[] {localNow, weight});
        sentSum += weight;
        if (minute == reportedMinute) sentSinceReport += weight;
        return 0;
    }

    /** Binance's count for this IP in the current minute, read from a reply that arrived at {@code serverNow}. */
    synchronized void reported(long used, long serverNow) {
        long minute = Math.floorDiv(serverNow, MINUTE);
        if (minute < reportedMinute) return;
        reportedMinute = minute;
        reportedUsed = used;
        sentSinceReport = 0;
    }

    private void expire(long localNow) {
        while (!sent.isEmpty() && sent.peekFirst()[0] + MINUTE <= localNow) sentSum -= sent.removeFirst()[1];
    }

    /** The per-minute REQUEST_WEIGHT limit among Binance's rate limits, or 0 when none is listed. */
    static int perMinute(List<RateLimit> limits) {
        int best = 0;
        if (limits == null) return 0;
        for (RateLimit l : limits) {
            try {
                if (!"REQUEST_WEIGHT".equals(l.getRateLimitType())) continue;
                long unit = switch (String.valueOf(l.getInterval())) {
                    case "SECOND" -> 1_000L;
                    case "MINUTE" -> 60_000L;
                    case "HOUR" -> 3_600_000L;
                    case "DAY" -> 86_400_000L;
                    default -> 0L;
                };
                long n = l.getIntervalNum() == null ? 1 : Long.parseLong(l.getIntervalNum());
                long limit = Long.parseLong(l.getLimit());
                if (unit == 0 || n <= 0 || limit <= 0) continue;
                // a limit over a longer window is spread evenly; over a shorter one it is scaled up (never beyond)
                int perMinute = (int) Math.min(Integer.MAX_VALUE, unit * n >= 60_000 ? limit * 60_000 / (unit * n) : limit);
                best = best == 0 ? perMinute : Math.min(best, perMinute);
            } catch (RuntimeException ignored) {
                // a limit we cannot read is skipped; the others still count
            }
        }
        return best;
    }
}
