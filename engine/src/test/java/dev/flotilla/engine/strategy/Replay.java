package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.Strategy;
import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;

/**
 * Runs a strategy over candles the way the engine does: bound once to a series that grows by one bar per close
 * (kept to {@link Bars#MAX_BARS}) and primed at every bar, it enters when flat, and while in a position leaves on
 * an EXIT or when a bar trades through the stop the strategy asked for (the engine only ever tightens it).
 */
public final class Replay {

    public record Trade(int entryBar, double entryPrice, int exitBar, double exitPrice, boolean stopped) {
    }

    /**
     * @param decisions the strategy's answer at every bar (HOLD where a stop ended the position instead)
     * @param stops     the stop level in force after each bar, NaN when flat or none
     */
    public record Result(List<Decision> decisions, List<Trade> trades, double[] stops) {
        public int entries() {
            return (int) decisions.stream().filter(d -> d.signal() == Signal.ENTER).count();
        }

        public int exits() {
            return (int) trades.stream().filter(t -> t.exitBar() >= 0).count();
        }

        public int exitsBySignal() {
            return (int) trades.stream().filter(t -> t.exitBar() >= 0 && !t.stopped()).count();
        }
    }

    private Replay() {
    }

    /** The decision at the last of {@code candles}, with the strategy bound and primed over all of them. */
    public static Decision last(Strategy strategy, Timeframe tf, List<Candle> candles, OpenPosition position) {
        ClosedBarSeries series = Bars.growing("last", Bars.MAX_BARS);
        BoundStrategy bound = strategy.bind(series);
        for (Candle c : candles) {
            Bars.append(series, tf, c);
            bound.prime(series.newestIndex());
        }
        return bound.evaluate(series.newestIndex(), position);
    }

    public static Result run(Strategy strategy, Timeframe tf, List<Candle> candles) {
        return run(strategy, tf, candles, Bars.MAX_BARS);
    }

    /** The same with a series kept to {@code maxBars} bars. */
    public static Result run(Strategy strategy, Timeframe tf, List<Candle> candles, int maxBars) {
        ClosedBarSeries series = Bars.growing("replay", maxBars);
        BoundStrategy bound = strategy.bind(series);
        List<Decision> decisions = new ArrayList<>();
        List<Trade> trades = new ArrayList<>();
        double[] stops = new double[candles.size()];
        int entryBar = -1;
        double entryPrice = 0, highest = 0, stop = Double.NaN;
        for (int i = 0; i < candles.size(); i++) {
            Candle bar = candles.get(i);
            Bars.append(series, tf, bar);
            bound.prime(i);  // every bar, as the engine primes stopped bots too
            if (entryBar >= 0 && !Double.isNaN(stop) && bar.low() <= stop) {
                trades.add(new Trade(entryBar, entryPrice, i, Math.min(bar.open(), stop), true));
                entryBar = -1;
                decisions.add(Decision.HOLD);
                stops[i] = Double.NaN;
                continue;
            }
            OpenPosition position = null;
            if (entryBar >= 0) {
                highest = Math.max(highest, bar.close());
                position = new OpenPosition(entryPrice, candles.get(entryBar).closeTime(tf), highest, stop);
            }
            Decision d = bound.evaluate(i, position);
            decisions.add(d);
            if (entryBar < 0 && d.signal() == Signal.ENTER) {
                entryBar = i;
                entryPrice = bar.close();
                highest = bar.close();
                stop = d.stopPrice();
            } else if (entryBar >= 0 && d.signal() == Signal.EXIT) {
                trades.add(new Trade(entryBar, entryPrice, i, bar.close(), false));
                entryBar = -1;
            } else if (entryBar >= 0 && d.hasStop()) {
                stop = Double.isNaN(stop) ? d.stopPrice() : Math.max(stop, d.stopPrice());
            }
            stops[i] = entryBar >= 0 ? stop : Double.NaN;
        }
        if (entryBar >= 0) trades.add(new Trade(entryBar, entryPrice, -1, Double.NaN, false));
        return new Result(decisions, trades, stops);
    }
}
