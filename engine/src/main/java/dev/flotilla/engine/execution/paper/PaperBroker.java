package dev.flotilla.engine.execution.paper;

import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated exchange account per bot: market orders fill at the reference price plus slippage and pay the
 * taker fee. Its books (accepted orders and balances) are committed in the store as the exchange's side, so a
 * restart never resets them and the engine's ledger can be reconciled against them.
 */
public final class PaperBroker implements Broker {

    public static final String QUOTE = "USDT";

    private final Store store;
    private final BigDecimal slippage;
    private final BigDecimal feeRate;
    private final Map<String, Map<String, BigDecimal>> balances = new HashMap<>();

    /**
     * @param slippageBps slippage in basis points against the taker (default 5)
     * @param feeRate     taker fee as a fraction of the notional (default 0.001)
     */
    public PaperBroker(Store store, BigDecimal slippageBps, BigDecimal feeRate) {
        this.store = store;
        this.slippage = slippageBps.movePointLeft(4);
        this.feeRate = feeRate;
        store.paperBalances().forEach((acct, m) -> balances.put(acct, new LinkedHashMap<>(m)));
    }

    /** Gives an account that has never traded a new starting capital (the ledger changes in the same way). */
    @Override
    public synchronized void allocate(String account, BigDecimal capital) {
        store.write(tx -> tx.paperBalance(account, QUOTE, capital));
        balances.put(account, new LinkedHashMap<>(Map.of(QUOTE, capital)));
    }

    @Override
    public synchronized BrokerReply submit(OrderRequest r) {
        Map<String, BigDecimal> acct = balances.get(r.account());
        if (acct == null) return new BrokerReply.Rejected("no paper account '" + r.account() + "'");
        if (r.qty().signum() <= 0) return new BrokerReply.Rejected("quantity must be positive");
        BigDecimal factor = r.side() == Side.BUY ? BigDecimal.ONE.add(slippage) : BigDecimal.ONE.subtract(slippage);
        BigDecimal price = r.refPrice().multiply(factor).round(new MathContext(12, RoundingMode.HALF_EVEN))
                .setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        BigDecimal notional = r.qty().multiply(price);
        BigDecimal fee = notional.multiply(feeRate).setScale(8, RoundingMode.HALF_UP);
        String base = r.symbol().base();
        String quote = r.symbol().quote();
        BigDecimal quoteBal = acct.getOrDefault(quote, BigDecimal.ZERO);
        BigDecimal baseBal = acct.getOrDefault(base, BigDecimal.ZERO);
        BigDecimal newQuote;
        BigDecimal newBase;
        if (r.side() == Side.BUY) {
            newQuote = quoteBal.subtract(notional).subtract(fee);
            newBase = baseBal.add(r.qty());
            if (newQuote.signum() < 0) {
                return new BrokerReply.Rejected("insufficient " + quote + ": needs " + notional.add(fee).toPlainString()
                        + ", has " + quoteBal.toPlainString());
            }
        } else {
            newBase = baseBal.subtract(r.qty());
            newQuote = quoteBal.add(notional).subtract(fee);
            if (newBase.signum() < 0) {
                return new BrokerReply.Rejected("insufficient " + base + ": sells " + r.qty().toPlainString()
                        + ", has " + baseBal.toPlainString());
            }
        }
        Fill fill = new Fill(r.clientOrderId(), r.account(), r.symbol(), r.side(), r.qty(), price, fee, r.time());
        BigDecimal q = newQuote;
        BigDecimal b = newBase;
        store.write(tx -> {
            tx.paperOrder(fill);
            tx.paperBalance(r.account(), quote, q);
            tx.paperBalance(r.account(), base, b);
        });
        acct.put(quote, newQuote);
        acct.put(base, newBase);
        return new BrokerReply.Filled(fill);
    }

    @Override
    public Optional<Fill> lookup(String clientOrderId) {
        return store.paperOrder(clientOrderId);
    }

    @Override
    public synchronized Map<String, BigDecimal> balances(String account) {
        return Map.copyOf(balances.getOrDefault(account, Map.of()));
    }
}
