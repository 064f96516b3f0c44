package dev.flotilla.engine.history;

import dev.flotilla.engine.model.Feed;

/**
 * One feed's download.
 *
 * @param missing  candles the store lacked in the period when the run began
 * @param added    candles this run stored
 * @param complete whether every missing stretch was asked for (a stop or failure leaves it false)
 */
public record FeedDownload(Feed feed, long missing, long added, boolean complete) {
}
