package dev.flotilla.engine.market.sandbox;

/** One minute of a sandbox path, for checks that need finer detail than a candle. */
record MinuteBar(long openTime, double open, double high, double low, double close, double volume) {
}
