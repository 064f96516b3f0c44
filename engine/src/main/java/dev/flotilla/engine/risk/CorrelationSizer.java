package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scales a new position between 25% and 100% of its intended size by how its asset's recent returns correlate
 * with the returns of what the fleet already holds (each held asset weighted by its value): 100% at a correlation
 * of 0 or below, 25% at 1, in a straight line between. Returns are taken on one grid, the coarsest of the
 * symbols' finest timeframes, so candles of different timeframes line up. Symbols are visited in sorted order so
 * the floating-point sums, and with them the decisions, are the same on every run.
 */
public final class CorrelationSizer {

    static final int WINDOW = 48;
    static final int MIN_RETURNS = 12;
    static final BigDecimal MIN_FACTOR = new BigDecimal("0.25");

    /** The factor and how it came about; correlation is NaN when there was too little common history. */
    public record Result(BigDecimal factor, double correlation, int returns) {
        static final Result FULL = new Result(BigDecimal.ONE, Double.NaN, 0);
    }

    private final PriceHistory history;

    public CorrelationSizer(PriceHistory history) {
        this.history = history;
    }

    /** The factor for a new position in {@code candidate} given the value held per symbol. */
    public Result size(Symbol candidate, SortedMap<Symbol, BigDecimal> held) {
        TreeMap<Symbol, BigDecimal> weights = new TreeMap<>();
        held.forEach((s, v) -> { if (v.signum() > 0) weights.put(s, v); });
        if (weights.isEmpty()) return Result.FULL;
        TreeSet<Symbol> symbols = new TreeSet<>(weights.keySet());
        symbols.add(candidate);
        Map<Symbol, Timeframe> finest = new TreeMap<>();
        for (Symbol s : symbols) {
            for (Timeframe tf : Timeframe.values()) {
                if (history.holds(s, tf)) {
                    finest.put(s, tf);
                    break;
                }
            }
        }
        if (!finest.containsKey(candidate)) return Result.FULL;  // no history: no evidence of correlation
        weights.keySet().retainAll(finest.keySet());
        if (weights.isEmpty()) return Result.FULL;
        Timeframe grid = finest.values().stream().max(Timeframe::compareTo).orElseThrow();
        Map<Symbol, double[]> closes = closes(finest.keySet(), grid, TAIL);
        if (closes == null) closes = closes(finest.keySet(), grid, Integer.MAX_VALUE);
        int n = closes.values().iterator().next().length - 1;
        if (n < MIN_RETURNS) return new Result(BigDecimal.ONE, Double.NaN, Math.max(n, 0));
        double total = weights.values().stream().mapToDouble(BigDecimal::doubleValue).sum();
        double[] own = returns(closes.get(candidate));
        double[] portfolio = new double[n];
        for (var e : weights.entrySet()) {
            double w = e.getValue().doubleValue() / total;
            double[] r = returns(closes.get(e.getKey()));
            for (int i = 0; i < n; i++) portfolio[i] += w * r[i];
        }
        double rho = pearson(own, portfolio);
        return new Result(factor(rho), rho, n);
    }

    /**
     * Grid instants of candles looked at first, per symbol: the returns use the latest {@code WINDOW + 1} common ones,
     * which without gaps are the latest of each; a walk that needs more looks at everything (see {@link #closes}).
     */
    static final int TAIL = WINDOW + 1 + 16;

    /**
     * A symbol's closes at grid instants, oldest first, one per instant.
     *
     * @param cut whether earlier candles were left out
     */
    private record GridSeries(long[] times, double[] closes, boolean cut) {
    }

    /**
     * The closes of every symbol at the latest {@code WINDOW + 1} common grid instants, looking at only the latest
     * {@code tail} grid instants' worth of each symbol's candles; null when that was not enough to know (a walk reached
     * the start of a series that was cut, or a cut series had no grid instant), so that the answer is always the one
     * all the candles give.
     */
    private Map<Symbol, double[]> closes(java.util.Set<Symbol> symbols, Timeframe grid, int tail) {
        Map<Symbol, GridSeries> series = new TreeMap<>();
        for (Symbol s : symbols) {
            GridSeries g = onGrid(s, grid, tail);
            if (g == null) return null;
            series.put(s, g);
        }
        return latestCommon(series, WINDOW + 1);
    }

    /**
     * The closes of every symbol at the latest {@code most} instants all of them have, oldest first: found by walking
     * the series back from their ends together, so only the tail that is used is looked at.
     */
    private static Map<Symbol, double[]> latestCommon(Map<Symbol, GridSeries> series, int most) {
        List<GridSeries> all = List.copyOf(series.values());
        int k = all.size();
        int[] at = new int[k];
        for (int i = 0; i < k; i++) at[i] = all.get(i).times().length - 1;
        int[][] picked = new int[k][most];
        int found = 0;
        walk:
        while (found < most) {
            long t = Long.MAX_VALUE;
            for (int i = 0; i < k; i++) {
                if (at[i] < 0) {
                    if (all.get(i).cut()) return null;
                    break walk;
                }
                t = Math.min(t, all.get(i).times()[at[i]]);
            }
            boolean everywhere = true;
            for (int i = 0; i < k; i++) {
                long[] times = all.get(i).times();
                while (at[i] >= 0 && times[at[i]] > t) at[i]--;
                if (at[i] < 0) {
                    if (all.get(i).cut()) return null;
                    break walk;
                }
                if (times[at[i]] != t) everywhere = false;
            }
            if (!everywhere) continue;
            for (int i = 0; i < k; i++) picked[i][found] = at[i]--;
            found++;
        }
        Map<Symbol, double[]> out = new TreeMap<>();
        int i = 0;
        for (var e : series.entrySet()) {
            double[] c = new double[found];
            for (int j = 0; j < found; j++) c[j] = e.getValue().closes()[picked[i][found - 1 - j]];
            out.put(e.getKey(), c);
            i++;
        }
        return out;
    }

    /** 1 at a correlation of 0 or less, 0.25 at 1, linear between. */
    public static BigDecimal factor(double correlation) {
        double c = Double.isNaN(correlation) ? 0 : Math.max(0, Math.min(1, correlation));
        BigDecimal f = BigDecimal.valueOf(1 - 0.75 * c).setScale(4, RoundingMode.HALF_EVEN);
        return f.max(MIN_FACTOR).min(BigDecimal.ONE);
    }

    /**
     * Closes of a symbol at grid instants, from the coarsest held timeframe that divides the grid, out of its latest
     * {@code tail} grid instants' worth of candles; null when a cut list had none (earlier candles might have).
     */
    private GridSeries onGrid(Symbol s, Timeframe grid, int tail) {
        for (int i = grid.ordinal(); i >= 0; i--) {
            Timeframe tf = Timeframe.values()[i];
            List<Candle> candles = history.candles(s, tf);
            // a list handed out never changes (PriceHistory), so what was made from it holds until another comes
            GridKey key = new GridKey(s, tf, grid, tail);
            Made m = made.get(key);
            if (m == null || m.from() != candles) made.put(key, m = new Made(candles, gridOf(s, tf, grid, tail, candles)));
            GridSeries g = m.series();
            if (g == CUT) return null;
            if (g != NONE) return g;
        }
        return new GridSeries(new long[0], new double[0], false);
    }

    private record GridKey(Symbol symbol, Timeframe timeframe, Timeframe grid, int tail) {
    }

    /** A grid series and the candle list it was made from. */
    private record Made(List<Candle> from, GridSeries series) {
    }

    /** Each symbol's grid series as last made, per timeframe, grid and tail: entries at a close reuse them. */
    private final Map<GridKey, Made> made = new java.util.HashMap<>();
    /** {@link #gridOf}'s answers when no candle falls on the grid: the list was cut (look at all of it), or not. */
    private static final GridSeries CUT = new GridSeries(new long[0], new double[0], true);
    private static final GridSeries NONE = new GridSeries(new long[0], new double[0], false);

    private static GridSeries gridOf(Symbol s, Timeframe tf, Timeframe grid, int tail, List<Candle> candles) {
        long per = Math.max(1, grid.millis() / tf.millis());
        int from = (int) Math.max(0, candles.size() - Math.min(Integer.MAX_VALUE, tail * per));
        boolean cut = from > 0;
        long[] times = new long[candles.size() - from];
        double[] closes = new double[times.length];
        int n = 0;
        for (Candle c : candles.subList(from, candles.size())) {
            long close = c.closeTime(tf);
            if (close % grid.millis() != 0) continue;
            if (n > 0 && close <= times[n - 1]) throw new IllegalStateException(s + " " + tf + ": candles out of order");
            times[n] = close;
            closes[n++] = c.close();
        }
        if (n > 0) return new GridSeries(Arrays.copyOf(times, n), Arrays.copyOf(closes, n), cut);
        return cut ? CUT : NONE;
    }

    private static double[] returns(double[] closes) {
        double[] r = new double[closes.length - 1];
        for (int i = 1; i < closes.length; i++) r[i - 1] = Math.log(closes[i] / closes[i - 1]);
        return r;
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        if (va <= 1e-24 || vb <= 1e-24) return 0;  // a flat series correlates with nothing
        return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
    }
}
