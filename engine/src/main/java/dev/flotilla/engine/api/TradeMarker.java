package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Side;

/**
 * A mark on a bot's chart: a fill (a BUY is an entry, a SELL an exit: strategy EXIT or STOP_LOSS), or an entry the
 * AI level vetoed (purpose {@link #AI_VETO}, never filled).
 *
 * @param note what to say about it on the chart (the veto's reason), or null
 */
public record TradeMarker(long time, Side side, double price, String purpose, String note) {

    public static final String AI_VETO = "AI_VETO";

    public TradeMarker(long time, Side side, double price, String purpose) {
        this(time, side, price, purpose, null);
    }

    public boolean aiVeto() {
        return AI_VETO.equals(purpose);
    }
}
