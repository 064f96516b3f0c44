package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;

/**
 * A mark on a bot's chart: a fill (a BUY is an entry, a SELL an exit: strategy EXIT or STOP_LOSS), or an entry the
 * AI level vetoed (purpose {@link #AI_VETO}, never filled).
 *
 * @param note          what to say about it on the chart (the order's reason, the veto's reason), or null
 * @param clientOrderId the order that filled, or null (a veto, a backtest's trade)
 * @param pnl           for an exit, the realized PnL of the position it closed, net of both fees; else null
 */
public record TradeMarker(long time, Side side, double price, String purpose, String note, String clientOrderId,
                          BigDecimal pnl) {

    public static final String AI_VETO = "AI_VETO";

    public TradeMarker(long time, Side side, double price, String purpose) {
        this(time, side, price, purpose, null);
    }

    public TradeMarker(long time, Side side, double price, String purpose, String note) {
        this(time, side, price, purpose, note, null, null);
    }

    public boolean aiVeto() {
        return AI_VETO.equals(purpose);
    }
}
