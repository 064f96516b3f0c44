package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Side;

/** A fill drawn on a bot's chart: a BUY is an entry, a SELL an exit (strategy EXIT or STOP_LOSS). */
public record TradeMarker(long time, Side side, double price, String purpose) {
}
