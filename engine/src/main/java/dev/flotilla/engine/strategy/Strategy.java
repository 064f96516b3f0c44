package dev.flotilla.engine.strategy;

import org.ta4j.core.BarSeries;

/**
 * A trading rule of one bot, bound to its parameters. It is pure: the same bars and position give the same
 * decision, so bots may be evaluated in parallel and a restarted engine decides exactly as before.
 */
public interface Strategy {

    /**
     * Decides at the last bar of {@code series} (the feed's most recent closed candles, oldest first).
     *
     * @param position the bot's open position, or null when it is flat
     */
    Decision evaluate(BarSeries series, OpenPosition position);
}
