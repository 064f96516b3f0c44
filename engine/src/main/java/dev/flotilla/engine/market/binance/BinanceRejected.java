package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.MarketDataException;

/**
 * Binance refused a request for good: asking again cannot help (a symbol Binance does not list, code -1121, or
 * another parameter it will not take).
 */
public final class BinanceRejected extends MarketDataException {
    private final int code;

    BinanceRejected(String message, int code, Throwable cause) {
        super(message, 0, cause);
        this.code = code;
    }

    /** Binance's error code, e.g. -1121 for a symbol it does not list; 0 when the reply had none. */
    public int code() {
        return code;
    }
}
