package dev.flotilla.engine.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What closing positions by hand would send, for the operator to confirm: a market sell of each open position listed,
 * on the market this run trades. {@link RiskApi#closePositions} sends exactly these and no other: a position that has
 * closed or changed since is left out and said so.
 *
 * @param what      whose positions: "the position of bot ema-btc-15m", "every position in BTC/USDT"
 * @param market    the market the orders go to, as the mode badge names it (e.g. "SANDBOX x60")
 * @param positions the open positions to close; empty when there is none
 * @param notes     what else the operator should know: the fleet is halted, the bots keep running
 */
public record ClosePlan(String what, String market, List<Line> positions, List<String> notes) {

    /**
     * One open position, as it is when the plan is made.
     *
     * @param lastPrice     the latest price seen for the symbol, or null before the first
     * @param unrealizedPnl at that price, net of the entry fee
     * @param botRunning    whether the bot runs on (and may enter again at its next signal)
     */
    public record Line(long positionId, String botId, String symbol, BigDecimal qty, BigDecimal entryPrice,
                       BigDecimal lastPrice, BigDecimal unrealizedPnl, boolean botRunning) {

        /** "Sell 0.0123 BTC/USDT of bot ema-btc-15m (entry 43000.1, last 43100.5, unrealized +1.23 USDT)". */
        public String text() {
            return "Sell " + qty.stripTrailingZeros().toPlainString() + " " + symbol + " of bot " + botId + " (entry "
                    + entryPrice.stripTrailingZeros().toPlainString()
                    + (lastPrice == null ? "" : ", last " + lastPrice.stripTrailingZeros().toPlainString())
                    + (unrealizedPnl == null ? "" : ", unrealized " + signed(unrealizedPnl) + " USDT") + ")";
        }
    }

    public ClosePlan {
        positions = List.copyOf(positions);
        notes = List.copyOf(notes);
    }

    public boolean empty() {
        return positions.isEmpty();
    }

    /** "Close 3 positions at market on SANDBOX x60: every position in BTC/USDT", or that there is nothing to close. */
    public String summary() {
        if (empty()) return "No open position to close: " + what;
        int n = positions.size();
        return "Close " + (n == 1 ? "1 position" : n + " positions") + " at market on " + market + ": " + what;
    }

    /** The plan as text: the summary, a line per position and the notes, as the confirmation shows it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(summary());
        positions.forEach(p -> lines.add("  " + p.text()));
        if (!empty()) lines.add("Each is a market sell order with the reason MANUAL, checked by the risk gateway like any order.");
        lines.addAll(notes);
        return lines;
    }

    private static String signed(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_EVEN);
        return (r.signum() > 0 ? "+" : "") + r.toPlainString();
    }
}
