package dev.flotilla.engine.api;

/**
 * How the market data source is doing, for the console: a badge, a tooltip and the request budget.
 *
 * @param market       "sandbox" or "binance"
 * @param endpoint     where data comes from (a base URL; empty for the sandbox)
 * @param detail       one line for the operator: what is wrong and until when, or what is fine
 * @param weightUsed   request weight this process spent in the last minute (0 for the sandbox)
 * @param weightBudget request weight this process allows itself per minute (0 when unlimited)
 * @param blockedUntil engine time until which no request is sent (a 429 or 418), or 0
 * @param clockOffsetMs the exchange's clock minus the computer's, as last measured
 */
public record MarketStatus(String market, String endpoint, State state, String detail, long weightUsed,
                           long weightBudget, long blockedUntil, long clockOffsetMs) {

    public enum State {
        /** Requests succeed. */
        OK,
        /** The last request of some feed failed; it is being retried with backoff. */
        DEGRADED,
        /** The exchange could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The exchange answered 429: nothing is sent until {@code blockedUntil}. */
        RATE_LIMITED,
        /** The exchange answered 418 (an IP ban): nothing is sent until {@code blockedUntil}. */
        BANNED
    }

    public static MarketStatus ok(String market) {
        return new MarketStatus(market, "", State.OK, market + ": ok", 0, 0, 0, 0);
    }
}
