package dev.flotilla.engine.model;

import java.math.BigDecimal;

/**
 * A bot's books at one moment, as plain data: what the risk checks read and what an order's result leaves behind.
 * The engine thread keeps the live copy and replaces it whole, only after the store has accepted the change.
 *
 * @param position the open position, or null when flat
 * @param mark     the latest price seen for the symbol, or null before the first
 */
public record BotBook(String id, Symbol symbol, BigDecimal capital, BotState state, Account account, Position position,
                      BigDecimal mark) {

    public BotBook withState(BotState s) {
        return new BotBook(id, symbol, capital, s, account, position, mark);
    }

    public BotBook withAccount(Account a) {
        return new BotBook(id, symbol, capital, state, a, position, mark);
    }

    public BotBook withPosition(Position p) {
        return new BotBook(id, symbol, capital, state, account, p, mark);
    }

    public BotBook withMark(BigDecimal price) {
        return new BotBook(id, symbol, capital, state, account, position, price);
    }

    /**
     * The bot's state after the tick of candle close {@code close}. The equity peak is taken at the close price before
     * the tick's orders, from committed data only, so a restarted engine computes the same peak.
     */
    public BotState ticked(long close, long at, BigDecimal closePrice) {
        BotState s = state.ticked(close, at);
        BigDecimal equity = account.cash().add(position == null ? BigDecimal.ZERO : closePrice.multiply(position.qty()));
        return equity.compareTo(s.peakEquity()) > 0 ? s.withPeak(equity) : s;
    }

    public BigDecimal unrealized() {
        if (position == null || mark == null) return BigDecimal.ZERO;
        return mark.subtract(position.entryPrice()).multiply(position.qty());
    }

    /** Cash plus the open position at its latest price (at its entry price before any price is seen). */
    public BigDecimal equity() {
        if (position == null) return account.cash();
        BigDecimal price = mark != null ? mark : position.entryPrice();
        return account.cash().add(price.multiply(position.qty()));
    }
}
