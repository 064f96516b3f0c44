package dev.flotilla.engine.loop;

import dev.flotilla.engine.model.Feed;

/**
 * Told, on the engine thread, how long each feed's candle close took from the start of its tick until every bot on
 * it had decided and the result was committed. For measurements; the engine runs the same with or without one.
 */
@FunctionalInterface
public interface TickTimer {

    TickTimer NONE = (feed, bots, nanos) -> { };

    /** @param bots how many bots decided at this close; {@code nanos} wall time of the tick */
    void ticked(Feed feed, int bots, long nanos);
}
