package dev.flotilla.strategy;

/**
 * A strategy bound to one growing series. It is pure in the bars: the same bars, primed in the same order, give the
 * same decision, so a restarted engine that replays a feed from its first stored candle decides exactly as an
 * uninterrupted one. One thread drives it, as one thread drives a feed.
 */
public interface BoundStrategy {

    /**
     * Computes every indicator the rule reads at {@code index}. Called at regular bars in order, whether or not the
     * bot runs, so no recursive indicator falls behind the bars the series keeps: the caches never depend on when a
     * bot was stopped, started or added.
     */
    void prime(int index);

    /**
     * Decides at bar {@code index}, the latest closed bar when the engine calls it.
     *
     * @param position the bot's open position, or null when it is flat
     */
    Decision evaluate(int index, OpenPosition position);
}
