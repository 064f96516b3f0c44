package dev.flotilla.engine.history;

import java.time.Duration;
import java.util.List;

/**
 * @param from     first open time of the period (on the finest grid asked for)
 * @param to       end of the period: the last candle closes at or before it
 * @param pages    klines replies stored (one request each; failed requests and retries are not counted)
 * @param stopped  whether the stop signal ended the run before it was complete
 */
public record DownloadResult(long from, long to, List<FeedDownload> feeds, int pages, long candles, boolean stopped,
                     Duration elapsed) {
    public boolean complete() {
        return feeds.stream().allMatch(FeedDownload::complete);
    }
}
