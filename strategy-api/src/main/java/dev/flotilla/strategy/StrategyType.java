package dev.flotilla.strategy;

import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;

/** A kind of strategy: its id in fleet files, its parameters and how to make one. */
public interface StrategyType {

    /** Stable id used in fleet files and the store, e.g. "ema-rsi". */
    String id();

    String displayName();

    List<ParamSpec> params();

    /**
     * Makes a strategy from a full, validated parameter map (the engine checks every value against {@link #params()} and {@link #validate} first); it builds its
     * indicators when bound to a feed's series.
     */
    Strategy create(Map<String, Double> params);

    /**
     * Rejects combinations of individually valid values, such as a fast period that is not below the slow
     * one, with an IllegalArgumentException naming the parameters. {@code params} is complete and in range.
     */
    default void validate(Map<String, Double> params) {
    }

    /** How many closed bars the strategy needs before it can decide with these parameters. */
    int warmupBars(Map<String, Double> params);

    /**
     * The lines a chart draws for this strategy over {@code series}: the indicators its rule reads, with one
     * value per bar. {@code params} is complete and in range. None by default.
     */
    default List<IndicatorLine> indicators(BarSeries series, Map<String, Double> params) {
        return List.of();
    }
}
