package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.model.RunFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sweep's ranking metric on a grid of its first two swept parameters (x across, y down). A parameter is swept when
 * its sets hold more than one value of it; with a third swept parameter a cell shows the best set of those at its x
 * and y. With one swept parameter the grid is one row.
 *
 * @param xName  the parameter across, e.g. fastPeriod
 * @param yName  the parameter down, or "" when only one was swept
 * @param cells  {@code cells[row][column]}, null where no set ran
 * @param best   the best cell of all, or null when no set has the metric
 * @param swept  the parameters that took more than one value, in name order
 */
public record HeatMap(Metric metric, String xName, String yName, List<Double> xs, List<Double> ys, Cell[][] cells,
                      Cell best, int sets, List<String> swept) {

    /** One set: its parameters, its figures, the metric's value (NaN when it does not exist). */
    public record Cell(Map<String, Double> params, RunFigures figures, double value) {
        public String text(Metric m) {
            return m.format(value);
        }
    }

    public static HeatMap of(List<RunFigures> sets, Metric metric) {
        Map<String, TreeSet<Double>> values = new TreeMap<>();
        for (RunFigures f : sets) f.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        List<String> swept = values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        String xName = swept.isEmpty() ? (values.isEmpty() ? "" : values.keySet().iterator().next()) : swept.get(0);
        String yName = swept.size() > 1 ? swept.get(1) : "";
        List<Double> xs = xName.isEmpty() ? List.of(Double.NaN) : List.copyOf(values.get(xName));
        List<Double> ys = yName.isEmpty() ? List.of(Double.NaN) : List.copyOf(values.get(yName));
        Cell[][] cells = new Cell[ys.size()][xs.size()];
        Cell best = null;
        for (RunFigures f : sets) {
            int col = xName.isEmpty() ? 0 : xs.indexOf(f.params().get(xName));
            int row = yName.isEmpty() ? 0 : ys.indexOf(f.params().get(yName));
            Cell c = new Cell(f.params(), f, metric.value(f));
            if (better(c, cells[row][col])) cells[row][col] = c;
            if (better(c, best)) best = c;
        }
        if (best != null && Double.isNaN(best.value())) best = null;
        return new HeatMap(metric, xName, yName, xs, ys, cells, best, sets.size(), swept);
    }

    private static boolean better(Cell c, Cell than) {
        if (than == null) return true;
        if (Double.isNaN(than.value())) return !Double.isNaN(c.value());
        return !Double.isNaN(c.value()) && c.value() > than.value();
    }

    /** A set's values of the swept parameters only: what tells it from the others, and what applying it changes. */
    public Map<String, Double> sweptParams(Cell c) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (String p : swept) if (c.params().containsKey(p)) m.put(p, c.params().get(p));
        return m;
    }

    public boolean twoDimensional() {
        return !yName.isEmpty();
    }

    public Cell cell(int row, int column) {
        return cells[row][column];
    }

    /** Lowest and highest value on the grid (NaN when none), for the colours. */
    public double[] range() {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c == null || !Double.isFinite(c.value())) continue;
                lo = Double.isNaN(lo) ? c.value() : Math.min(lo, c.value());
                hi = Double.isNaN(hi) ? c.value() : Math.max(hi, c.value());
            }
        }
        return new double[] {lo, hi};
    }

    /** Where a value lies between the grid's lowest (0) and highest (1); 0.5 when they are equal, NaN for none. */
    public double share(double v) {
        double[] r = range();
        if (!Double.isFinite(v) || Double.isNaN(r[0])) return Double.NaN;
        return r[1] == r[0] ? 0.5 : (v - r[0]) / (r[1] - r[0]);
    }

    /** The sets in ranking order, best first (NaN last). */
    public List<Cell> ranked() {
        List<Cell> all = new ArrayList<>();
        for (Cell[] row : cells) for (Cell c : row) if (c != null) all.add(c);
        all.sort((a, b) -> Double.isNaN(a.value()) ? (Double.isNaN(b.value()) ? 0 : 1)
                : Double.isNaN(b.value()) ? -1 : Double.compare(b.value(), a.value()));
        return all;
    }

    /** A parameter value as typed: 5 rather than 5.0. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
