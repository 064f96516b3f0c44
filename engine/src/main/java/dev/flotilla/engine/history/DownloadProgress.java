package dev.flotilla.engine.history;

import java.time.Duration;

/**
 * How far a download is.
 *
 * @param candles  candles stored by this run so far
 * @param expected candles this run set out to fetch (what the store lacked; Binance may have fewer)
 * @param eta      time left at the rate so far; null until a page has been stored
 * @param note     what it is doing when it is not simply fetching (a wait for the budget or a rate limit), or null
 */
public record DownloadProgress(int feedsDone, int feeds, long candles, long expected, int pages, Duration elapsed,
                       Duration eta, String note) {
    /** The part of the expected candles stored, 0 to 1. */
    public double fraction() {
        return expected == 0 ? 1 : Math.min(1, (double) candles / expected);
    }
}
