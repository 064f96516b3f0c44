package dev.flotilla.engine.api;

import java.util.List;

/**
 * What a manual close did, a line per position of its plan.
 *
 * @param closed    the positions sold, e.g. "ema-btc-15m: sold 0.0123 BTC/USDT at 43100.5, PnL +1.02 USDT"
 * @param notClosed the ones that were not, with why (closed since, refused by the risk gateway, rejected by the broker)
 */
public record CloseResult(List<String> closed, List<String> notClosed) {

    public CloseResult {
        closed = List.copyOf(closed);
        notClosed = List.copyOf(notClosed);
    }

    /** "2 positions closed, 1 not closed". */
    public String summary() {
        return count(closed.size()) + " closed" + (notClosed.isEmpty() ? "" : ", " + notClosed.size() + " not closed");
    }

    private static String count(int n) {
        return n == 1 ? "1 position" : n + " positions";
    }
}
