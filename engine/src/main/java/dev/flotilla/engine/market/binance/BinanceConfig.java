package dev.flotilla.engine.market.binance;

/**
 * How Flotilla talks to Binance. The defaults are the product's; tests shorten the timeouts.
 *
 * @param baseUrl            e.g. https://api.binance.com, https://testnet.binance.vision or a local test server
 * @param connectTimeoutMs   connection timeout of one request
 * @param readTimeoutMs      read timeout of one request: the longest one hung request can hold the engine
 * @param defaultWeightLimit Binance's REQUEST_WEIGHT limit per minute, used until exchangeInfo says otherwise
 * @param budgetShare        the part of the limit this process allows itself (the rest is the safety margin)
 * @param settleMs           how long after a candle close (server time) the engine treats the candle as closed
 * @param resyncEveryMs      how often the server-time offset is measured again
 * @param tickWaitMs         how long a fetch may wait for room in the budget before that attempt gives up
 */
public record BinanceConfig(String baseUrl, int connectTimeoutMs, int readTimeoutMs, int defaultWeightLimit,
                            double budgetShare, long settleMs, long resyncEveryMs, long tickWaitMs) {

    public static BinanceConfig defaults(String baseUrl) {
        return new BinanceConfig(baseUrl, 5_000, 10_000, 6_000, 0.8, 1_000, 600_000, 5_000);
    }

    public BinanceConfig withTimeouts(int connectMs, int readMs) {
        return new BinanceConfig(baseUrl, connectMs, readMs, defaultWeightLimit, budgetShare, settleMs, resyncEveryMs, tickWaitMs);
    }
}
