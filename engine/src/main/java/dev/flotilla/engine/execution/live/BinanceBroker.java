package dev.flotilla.engine.execution.live;

import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.BrokerUnavailableException;
import dev.flotilla.engine.execution.OrderRequest;
import dev.flotilla.engine.market.binance.BinanceAccount;
import dev.flotilla.engine.market.binance.SymbolFilters;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real market orders on a Binance Spot account, behind the paper broker's interface. Each order carries Flotilla's
 * deterministic client order id as {@code newClientOrderId}; its quantity is rounded down to the lot step, and one
 * under the exchange's minimum is refused ({@link SymbolFilters#SIZE_TOO_SMALL}) before it is sent. When a send gets no
 * answer (a 5xx, a timeout) the order is looked up by its client id, never sent again; if Binance cannot be asked, the
 * engine pauses ({@link BrokerUnavailableException}) with the order PENDING and settles it once Binance answers.
 */
public final class BinanceBroker implements Broker {

    private static final Logger log = LoggerFactory.getLogger(BinanceBroker.class);
    /** After a send that got no answer, "no such order" is believed only this long after the send. */
    static final long UNKNOWN_GRACE_MS = 10_000;
    static final long[] RETRY_MS = {500, 1_000, 2_000, 4_000, 8_000};

    private final BinanceAccount account;
    private final Store store;
    private final Map<Symbol, SymbolFilters> filters;
    private final Function<String, BigDecimal> priceInQuote;
    private final WallClock local;
    private final Map<String, Long> unanswered = new ConcurrentHashMap<>();

    /**
     * @param filters      the traded symbols' exchange filters
     * @param priceInQuote an asset's price in USDT (for a commission taken in BNB), or null when not known
     */
    public BinanceBroker(BinanceAccount account, Store store, Map<Symbol, SymbolFilters> filters,
                         Function<String, BigDecimal> priceInQuote, WallClock local) {
        this.account = account;
        this.store = store;
        this.filters = Map.copyOf(filters);
        this.priceInQuote = priceInQuote;
        this.local = local;
    }

    @Override
    public BrokerReply submit(OrderRequest r) {
        SymbolFilters f = filters.get(r.symbol());
        if (f == null) return new BrokerReply.Rejected("no exchange filters known for " + r.symbol() + "; not sent");
        BigDecimal qty = f.roundDown(r.qty());
        Optional<String> refusal = f.refusal(qty, r.refPrice());
        if (refusal.isPresent()) return new BrokerReply.Rejected(refusal.get());
        try {
            return reply(r, account.marketOrder(r.symbol(), r.side(), qty, r.clientOrderId()));
        } catch (BinanceAccount.Refusal e) {
            return new BrokerReply.Rejected("Binance refused the order: " + e.getMessage());
        } catch (BinanceAccount.Unknown e) {
            unanswered.put(r.clientOrderId(), local.now());
            log.warn("order {}: no answer from Binance ({}); looking it up by its client id, never sending it again",
                    r.clientOrderId(), e.getMessage());
            return settle(r);
        }
    }

    /** Asks for an order whose send got no answer, a few times; then leaves it to the engine's pause. */
    private BrokerReply settle(OrderRequest r) {
        for (long wait : RETRY_MS) {
            sleep(wait);
            try {
                Optional<BinanceAccount.Order> o = account.order(r.symbol(), r.clientOrderId());
                if (o.isPresent() && done(o.get().status())) return reply(r, o.get());
                if (o.isPresent()) continue;
                if (local.now() - unanswered.get(r.clientOrderId()) >= UNKNOWN_GRACE_MS) {
                    unanswered.remove(r.clientOrderId());
                    return new BrokerReply.Rejected("Binance has no order " + r.clientOrderId() + " after a send it did not answer");
                }
            } catch (BinanceAccount.Unknown | BinanceAccount.Refusal e) {
                log.debug("order {}: lookup failed: {}", r.clientOrderId(), e.getMessage());
            }
        }
        throw new BrokerUnavailableException("Binance did not say what became of order " + r.clientOrderId());
    }

    /** Whether Binance is done with the order: nothing more of it will fill. */
    static boolean done(String status) {
        return switch (status) {
            case "FILLED", "CANCELED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH" -> true;
            default -> false;  // NEW, PARTIALLY_FILLED, PENDING_CANCEL: still working
        };
    }

    private BrokerReply reply(OrderRequest r, BinanceAccount.Order o) {
        if (!done(o.status())) {
            // a market order still working (a thin book): booked once Binance is done with it, never sent again
            unanswered.put(r.clientOrderId(), local.now() - UNKNOWN_GRACE_MS);
            log.warn("order {} is {} at Binance; waiting for it to finish", r.clientOrderId(), o.status());
            return settle(r);
        }
        unanswered.remove(r.clientOrderId());
        Optional<Fill> fill = fill(r.clientOrderId(), r.account(), r.symbol(), r.side(), o);
        return fill.<BrokerReply>map(BrokerReply.Filled::new)
                .orElseGet(() -> new BrokerReply.Rejected("Binance did not fill the order (" + o.status() + ")"));
    }

    @Override
    public Optional<Fill> lookup(String clientOrderId) {
        Order stored = store.order(clientOrderId).orElse(null);
        if (stored == null) return Optional.empty();
        Optional<BinanceAccount.Order> o;
        try {
            o = account.order(stored.symbol(), clientOrderId);
        } catch (BinanceAccount.Unknown | BinanceAccount.Refusal e) {
            throw new BrokerUnavailableException("order " + clientOrderId + " could not be looked up at Binance: " + e.getMessage());
        }
        if (o.isPresent() && !done(o.get().status())) {
            throw new BrokerUnavailableException("order " + clientOrderId + " is still " + o.get().status() + " at Binance");
        }
        if (o.isEmpty()) {
            Long sent = unanswered.get(clientOrderId);
            if (sent != null && local.now() - sent < UNKNOWN_GRACE_MS) {
                throw new BrokerUnavailableException("order " + clientOrderId + " is not at Binance yet; asked again shortly");
            }
            return Optional.empty();
        }
        return fill(clientOrderId, stored.botId(), stored.symbol(), stored.side(), o.get());
    }

    /**
     * The order's fill as one, at its average price, with the fee in USDT. A buy pays its commission in the coin: the
     * bot holds what it received rounded down to the lot step (so that its position is sold whole), and the coin's
     * commission and that dust count as fee at the fill's price; so the ledger spends exactly the USDT Binance took.
     */
    private Optional<Fill> fill(String clientOrderId, String botId, Symbol symbol, dev.flotilla.engine.model.Side side,
                                BinanceAccount.Order o) {
        if (o.executedQty().signum() <= 0) return Optional.empty();
        List<BinanceAccount.Trade> trades = o.trades().isEmpty() ? account.trades(symbol, o.orderId()) : o.trades();
        BigDecimal price = o.quoteQty().divide(o.executedQty(), 8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        BigDecimal qty = o.executedQty();
        BigDecimal fee = BigDecimal.ZERO;
        for (BinanceAccount.Trade t : trades) {
            if (t.commissionAsset().equals(symbol.quote())) {
                fee = fee.add(t.commission());
            } else if (t.commissionAsset().equals(symbol.base())) {
                if (side == dev.flotilla.engine.model.Side.BUY) qty = qty.subtract(t.commission());
                else fee = fee.add(t.commission().multiply(price));
            } else if (t.commission().signum() > 0) {
                BigDecimal p = priceInQuote == null ? null : priceInQuote.apply(t.commissionAsset());
                if (p == null) log.warn("order {}: commission of {} {} not valued (no {} price)", clientOrderId,
                        t.commission().toPlainString(), t.commissionAsset(), t.commissionAsset());
                else fee = fee.add(t.commission().multiply(p));
            }
        }
        if (side == dev.flotilla.engine.model.Side.BUY) {
            BigDecimal whole = filters.get(symbol).roundDown(qty);
            fee = fee.add(o.executedQty().subtract(whole).multiply(price));  // the coin's commission and the dust
            qty = whole;
        }
        fee = fee.setScale(8, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return Optional.of(new Fill(clientOrderId, botId, symbol, side, qty.stripTrailingZeros(), price, fee, o.time()));
    }

    /** A live account is Binance's; a bot's capital is its share of it, kept in the ledger (nothing to send). */
    @Override
    public void allocate(String account, BigDecimal capital) {
        log.info("bot {} is allocated {} of the Binance account", account, capital.toPlainString());
    }

    /** Per bot there are no balances at Binance; the account's are {@link #accountBalances()}. */
    @Override
    public Map<String, BigDecimal> balances(String account) {
        return Map.of();
    }

    @Override
    public boolean sharedAccount() {
        return true;
    }

    @Override
    public Map<String, BigDecimal> accountBalances() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        try {
            account.info().balances().forEach((asset, b) -> out.put(asset, b.free()));
        } catch (BinanceAccount.Unknown | BinanceAccount.Refusal e) {
            throw new BrokerUnavailableException("Binance's balances could not be read: " + e.getMessage());
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while asking Binance about an order");
        }
    }
}
