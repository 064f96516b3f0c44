package dev.flotilla.engine.query;

import dev.flotilla.engine.api.ChartLine;
import dev.flotilla.engine.model.Candle;
import java.util.ArrayList;
import java.util.List;

/**
 * A bot's candles merged into longer ones for its chart: each longer candle opens at a multiple of its length in
 * UTC, with the first open, the highest high, the lowest low, the last close and the volumes added; the newest
 * one may still be forming, and the oldest is left out when it lacks its first bars (it would show part of its
 * length as if it were all of it). An indicator's value on a merged candle is its value at that candle's last bar, as the
 * bot saw it then.
 */
record MergedCandles(List<Candle> candles, List<ChartLine> lines) {

    /**
     * {@code candles} (oldest first) and {@code lines} (a value per candle) merged into candles of {@code millis}, the
     * newest {@code last} of them.
     */
    static MergedCandles of(List<Candle> candles, List<ChartLine> lines, long millis, int last) {
        List<Candle> out = new ArrayList<>();
        List<Integer> lastBar = new ArrayList<>();
        Candle open = null;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            long start = Math.floorDiv(c.openTime(), millis) * millis;
            if (open != null && open.openTime() == start) {
                open = new Candle(start, open.open(), Math.max(open.high(), c.high()), Math.min(open.low(), c.low()),
                        c.close(), open.volume() + c.volume());
                out.set(out.size() - 1, open);
                lastBar.set(lastBar.size() - 1, i);
            } else {
                open = new Candle(start, c.open(), c.high(), c.low(), c.close(), c.volume());
                out.add(open);
                lastBar.add(i);
            }
        }
        int partial = out.size() > 1 && candles.getFirst().openTime() != out.getFirst().openTime() ? 1 : 0;
        int from = Math.max(partial, out.size() - last);
        List<Integer> bars = lastBar.subList(from, lastBar.size());
        List<ChartLine> merged = new ArrayList<>();
        for (ChartLine l : lines) {
            double[] v = new double[bars.size()];
            for (int k = 0; k < v.length; k++) v[k] = l.values()[bars.get(k)];
            merged.add(new ChartLine(l.name(), l.panel(), v));
        }
        return new MergedCandles(List.copyOf(out.subList(from, out.size())), List.copyOf(merged));
    }
}
