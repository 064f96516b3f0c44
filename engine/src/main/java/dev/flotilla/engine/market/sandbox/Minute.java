package dev.flotilla.engine.market.sandbox;

/**
 * The running state of a path and the bar of the minute just stepped, in ticks and volume lots. Mutable on
 * purpose: a path steps through tens of thousands of minutes per symbol and reuses one of these.
 */
final class Minute {
    /** Log price at the end of the last stepped minute; unrounded, so rounding never feeds back into the path. */
    double x;
    long open;
    long high;
    long low;
    long close;
    long volumeLots;

    Minute(double x, long close) {
        this.x = x;
        this.close = close;
    }
}
