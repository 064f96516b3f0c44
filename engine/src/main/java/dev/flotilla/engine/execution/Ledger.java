package dev.flotilla.engine.execution;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;

/**
 * The bookkeeping of a fill: how cash, realized PnL, fees and the position change. Exact arithmetic, never
 * rounded, so the ledger matches the broker's balances and the sum of its fills to the last digit.
 */
public final class Ledger {

    private Ledger() {
    }

    /** The account after a fill. Realized PnL is gross; fees are counted apart. */
    public static Account apply(Account a, Fill f, Position open) {
        BigDecimal notional = f.notional();
        BigDecimal fees = a.fees().add(f.fee());
        if (f.side() == Side.BUY) {
            return new Account(a.botId(), a.cash().subtract(notional).subtract(f.fee()), a.realizedPnl(), fees);
        }
        BigDecimal gross = f.price().subtract(open.entryPrice()).multiply(f.qty());
        return new Account(a.botId(), a.cash().add(notional).subtract(f.fee()), a.realizedPnl().add(gross), fees);
    }

    /** Net result of a round trip: price difference times quantity, less both fees. */
    public static BigDecimal netPnl(Position open, Fill exit) {
        return exit.price().subtract(open.entryPrice()).multiply(exit.qty()).subtract(open.entryFee()).subtract(exit.fee());
    }
}
