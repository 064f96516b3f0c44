package dev.flotilla.engine.boot;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's "accept the broker's view" after a reconciliation mismatch: each bot's ledger takes the broker's
 * cash and holding, and the correction is recorded as an adjustment so the books still add up from their fills.
 */
final class BrokerView {

    private static final Logger log = LoggerFactory.getLogger(BrokerView.class);

    private BrokerView() {
    }

    /**
     * @param lastPrice the latest known price of a bot's symbol (for a holding the ledger did not know of), or null
     */
    static void accept(Store store, Broker broker, java.util.Collection<BotRuntime> bots, long now, BigDecimal stopLoss,
                       Function<BotRuntime, BigDecimal> lastPrice) {
        Map<String, BigDecimal[]> expected = Reconciliation.expected(bots, store.fills(), store.ledgerAdjustments());
        for (BotRuntime b : bots) {
            String quote = b.spec().symbol().quote();
            String base = b.spec().symbol().base();
            Map<String, BigDecimal> bal = broker.balances(b.id());
            BigDecimal cash = bal.getOrDefault(quote, BigDecimal.ZERO);
            BigDecimal held = bal.getOrDefault(base, BigDecimal.ZERO);
            BigDecimal oldCash = b.account().cash();
            BigDecimal oldHeld = b.position() == null ? BigDecimal.ZERO : b.position().qty();
            BigDecimal[] fromFills = expected.get(b.id());
            if (cash.compareTo(oldCash) == 0 && held.compareTo(oldHeld) == 0
                    && cash.compareTo(fromFills[0]) == 0 && held.compareTo(fromFills[1]) == 0) continue;
            Account account = new Account(b.id(), cash, b.account().realizedPnl(), b.account().fees());
            Position before = b.position();
            Position after = position(b, before, held, now, stopLoss, lastPrice);
            long[] id = {after == null ? 0 : after.id()};
            store.write(tx -> {
                tx.account(account);
                // what the fills alone do not explain is recorded, so the next start finds the books balanced
                tx.ledgerAdjustment(now, b.id(), quote, cash.subtract(fromFills[0]), "operator accepted the broker's view");
                tx.ledgerAdjustment(now, b.id(), base, held.subtract(fromFills[1]), "operator accepted the broker's view");
                if (before != null && after == null) {
                    tx.closePosition(before.id(), before.entryPrice(), BigDecimal.ZERO, "RECONCILED", BigDecimal.ZERO, now, "reconciliation");
                } else if (before != null) {
                    tx.updatePosition(after);
                } else if (after != null) {
                    id[0] = tx.openPosition(after);
                }
            });
            b.update(b.book().withAccount(account).withPosition(after == null ? null : new Position(id[0], after.botId(), after.symbol(), after.qty(),
                    after.entryPrice(), after.entryFee(), after.stopPrice(), after.highestPrice(), after.openedAt(),
                    after.entryOrder())));
            log.warn("bot {}: ledger set to the broker's view: {} {} -> {}, {} {} -> {}", b.id(), quote,
                    oldCash.toPlainString(), cash.toPlainString(), base, oldHeld.toPlainString(), held.toPlainString());
        }
    }

    private static Position position(BotRuntime b, Position before, BigDecimal held, long now, BigDecimal stopLoss,
                                     Function<BotRuntime, BigDecimal> lastPrice) {
        if (held.signum() == 0) return null;
        if (before != null) return before.withQty(held);
        BigDecimal price = lastPrice.apply(b);
        if (price == null) throw new IllegalStateException("bot " + b.id() + " holds " + held.toPlainString()
                + " at the broker but no price is known yet to book it");
        BigDecimal stop = price.multiply(BigDecimal.ONE.subtract(stopLoss)).setScale(8, RoundingMode.HALF_EVEN);
        return new Position(0, b.id(), b.spec().symbol(), held, price, BigDecimal.ZERO, stop, price, now, "reconciliation");
    }
}
