package dev.flotilla.engine.market;

/**
 * A market request that gave nothing usable: the exchange refused it, failed, could not be reached, or sent data
 * that did not pass the checks. The feed's bots skip the close unless a later attempt succeeds.
 */
public class MarketDataException extends RuntimeException {

    private final long notBefore;

    public MarketDataException(String message) {
        this(message, 0, null);
    }

    /**
     * @param notBefore engine time before which asking again cannot help (a rate limit or ban), or 0 when an
     *                  ordinary backoff applies
     */
    public MarketDataException(String message, long notBefore, Throwable cause) {
        super(message, cause);
        this.notBefore = notBefore;
    }

    /** Engine time before which asking again cannot help, or 0. */
    public long notBefore() {
        return notBefore;
    }
}
