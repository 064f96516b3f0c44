package dev.flotilla.engine.model;

import java.util.List;

/**
 * The figures of one run (of a bot or of the fleet) from its equity curve and its closed trades, the way Freqtrade and
 * backtrader report them. Returns are per sample of the curve (samples at a fixed period, e.g. hourly snapshots), and
 * Sharpe and Sortino are annualised by the samples in a year, with no risk-free rate. A figure that does not exist
 * (no trade lost, so no profit factor; a flat curve, so no Sharpe) is NaN, which reports print as "-".
 *
 * @param totalReturn        last equity over first, minus one
 * @param cagr               the total return as a yearly rate over the period
 * @param maxDrawdown        deepest fall from a peak, as a fraction of that peak
 * @param maxDrawdownMs      longest time from a peak until equity was back at it (or the end, if never)
 * @param trades             closed trades
 * @param timeInMarket       share of the period with a position open (for a fleet: any of its positions)
 */
public record Performance(double totalReturn, double cagr, double maxDrawdown, long maxDrawdownMs, double sharpe,
                          double sortino, double calmar, double winRate, double profitFactor, int trades,
                          long averageHoldingMs, double timeInMarket, double fees) {

    public static final double YEAR_MS = 365.25 * 86_400_000;

    /** A closed trade: when it was open, what it made net of fees, and the fees it paid. */
    public record Trade(long openedAt, long closedAt, double netPnl, double fees) {
    }

    /**
     * @param times    sample instants, increasing, at a fixed period
     * @param equity   equity at each instant
     * @param from     start of the period
     * @param to       end of the period
     */
    public static Performance of(long[] times, double[] equity, List<Trade> trades, long from, long to) {
        if (times.length != equity.length) throw new IllegalArgumentException("one equity value per instant");
        if (to <= from) throw new IllegalArgumentException("the period must not be empty");
        int n = equity.length;
        double first = n == 0 ? Double.NaN : equity[0];
        double last = n == 0 ? Double.NaN : equity[n - 1];
        double total = last / first - 1;
        double years = (to - from) / YEAR_MS;
        double cagr = Math.pow(last / first, 1 / years) - 1;
        double peak = Double.NEGATIVE_INFINITY;
        long peakAt = from;
        long underSince = -1;  // the peak the curve is below, while it is
        double maxDd = 0;
        long longest = 0;
        for (int i = 0; i < n; i++) {
            if (equity[i] >= peak) {
                if (underSince >= 0) longest = Math.max(longest, times[i] - underSince);
                underSince = -1;
                peak = equity[i];
                peakAt = times[i];
            } else {
                if (underSince < 0) underSince = peakAt;
                maxDd = Math.max(maxDd, (peak - equity[i]) / peak);
            }
        }
        if (underSince >= 0) longest = Math.max(longest, to - underSince);
        double sum = 0;
        double sumSq = 0;
        double downSq = 0;
        int r = 0;
        for (int i = 1; i < n; i++) {
            double ret = equity[i] / equity[i - 1] - 1;
            sum += ret;
            sumSq += ret * ret;
            if (ret < 0) downSq += ret * ret;
            r++;
        }
        double mean = r == 0 ? Double.NaN : sum / r;
        double std = r < 2 ? Double.NaN : Math.sqrt((sumSq - r * mean * mean) / (r - 1));
        double down = r == 0 ? Double.NaN : Math.sqrt(downSq / r);
        double perYear = n < 2 ? Double.NaN : YEAR_MS / ((times[n - 1] - times[0]) / (double) (n - 1));
        double sharpe = std > 0 ? mean / std * Math.sqrt(perYear) : Double.NaN;
        double sortino = down > 0 ? mean / down * Math.sqrt(perYear) : Double.NaN;
        double calmar = maxDd > 0 ? cagr / maxDd : Double.NaN;
        int wins = 0;
        double gains = 0;
        double losses = 0;
        long held = 0;
        double fees = 0;
        for (Trade t : trades) {
            if (t.netPnl() > 0) {
                wins++;
                gains += t.netPnl();
            } else {
                losses -= t.netPnl();
            }
            held += Math.min(t.closedAt(), to) - Math.max(t.openedAt(), from);
            fees += t.fees();
        }
        int count = trades.size();
        return new Performance(total, cagr, maxDd, longest, sharpe, sortino, calmar,
                count == 0 ? Double.NaN : wins / (double) count, losses > 0 ? gains / losses : Double.NaN, count,
                count == 0 ? 0 : held / count, inMarket(trades, from, to) / (double) (to - from), fees);
    }

    /** Time with at least one trade open (for a fleet, trades of several bots overlap and count once). */
    private static long inMarket(List<Trade> trades, long from, long to) {
        List<Trade> sorted = trades.stream().sorted(java.util.Comparator.comparingLong(Trade::openedAt)).toList();
        long total = 0;
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        for (Trade t : sorted) {
            long a = Math.max(t.openedAt(), from);
            long b = Math.min(t.closedAt(), to);
            if (b <= a) continue;
            if (a > end) {
                if (end > start) total += end - start;
                start = a;
                end = b;
            } else {
                end = Math.max(end, b);
            }
        }
        if (end > start) total += end - start;
        return total;
    }
}
