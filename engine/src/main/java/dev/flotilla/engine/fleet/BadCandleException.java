package dev.flotilla.engine.fleet;

/** The market sent candles that cannot be used; the feed's bots skip this tick. */
public final class BadCandleException extends RuntimeException {
    public BadCandleException(String message) {
        super(message);
    }
}
