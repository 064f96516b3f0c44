package dev.flotilla.engine.risk;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
                if (!history.candles(s, tf).isEmpty()) {
                    finest.put(s, tf);
                    break;
                }
            }
        }
        if (!finest.containsKey(candidate)) return Result.FULL;  // no history: no evidence of correlation
        weights.keySet().retainAll(finest.keySet());
        if (weights.isEmpty()) return Result.FULL;
        Timeframe grid = finest.values().stream().max(Timeframe::compareTo).orElseThrow();
        Map<Symbol, TreeMap<Long, Double>> closes = new TreeMap<>();
        TreeSet<Long> common = null;
        for (Symbol s : finest.keySet()) {
            TreeMap<Long, Double> c = onGrid(s, grid);
            closes.put(s, c);
            if (common == null) common = new TreeSet<>(c.keySet());
            else common.retainAll(c.keySet());
        }
        List<Long> times = new ArrayList<>(common);
        if (times.size() > WINDOW + 1) times = times.subList(times.size() - WINDOW - 1, times.size());
        int n = times.size() - 1;
        if (n < MIN_RETURNS) return new Result(BigDecimal.ONE, Double.NaN, Math.max(n, 0));
        double total = weights.values().stream().mapToDouble(BigDecimal::doubleValue).sum();
        double[] own = returns(closes.get(candidate), times);
        double[] portfolio = new double[n];
        for (var e : weights.entrySet()) {
            double w = e.getValue().doubleValue() / total;
            double[] r = returns(closes.get(e.getKey()), times);
            for (int i = 0; i < n; i++) portfolio[i] += w * r[i];
        }
        double rho = pearson(own, portfolio);
        return new Result(factor(rho), rho, n);
    }

    /** 1 at a correlation of 0 or less, 0.25 at 1, linear between. */
    public static BigDecimal factor(double correlation) {
        double c = Double.isNaN(correlation) ? 0 : Math.max(0, Math.min(1, correlation));
        BigDecimal f = BigDecimal.valueOf(1 - 0.75 * c).setScale(4, RoundingMode.HALF_EVEN);
        return f.max(MIN_FACTOR).min(BigDecimal.ONE);
    }

    /** Closes of a symbol at grid instants, from the coarsest held timeframe that divides the grid. */
    private TreeMap<Long, Double> onGrid(Symbol s, Timeframe grid) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = grid.ordinal(); i >= 0 && out.isEmpty(); i--) {
            Timeframe tf = Timeframe.values()[i];
            for (Candle c : history.candles(s, tf)) {
                long close = c.closeTime(tf);
                if (close % grid.millis() == 0) out.put(close, c.close());
            }
        }
        return out;
    }

    private static double[] returns(TreeMap<Long, Double> closes, List<Long> times) {
        double[] r = new double[times.size() - 1];
        for (int i = 1; i < times.size(); i++) r[i - 1] = Math.log(closes.get(times.get(i)) / closes.get(times.get(i - 1)));
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
