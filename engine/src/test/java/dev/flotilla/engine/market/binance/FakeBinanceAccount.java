package dev.flotilla.engine.market.binance;

import dev.flotilla.engine.market.binance.BinanceSignature.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Spot account behind {@link FakeBinance}'s signed endpoints: balances, orders and trades, and the switches a
 * test turns to shape the next fills. Only MARKET orders trade. They fill at the fake's current price; split fills
 * walk the book one tick per trade (up for a buy, down for a sell). Commission is the taker rate on what the order
 * receives, as Binance takes it: in the base asset for a buy, the quote asset for a sell, or in BNB at Binance's 25%
 * discount when {@link #commissionInBnb} is set and the BNB balance covers it.
 */
public final class FakeBinanceAccount {

    /** One trade of an order, as the FULL reply lists it. */
    public record Fill(long tradeId, BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset) {
        public BigDecimal quoteQty() {
            return price.multiply(qty).setScale(8, RoundingMode.HALF_UP);
        }
    }

    public record Order(String symbol, long orderId, String clientOrderId, String side, BigDecimal origQty,
                        BigDecimal origQuoteOrderQty, String status, String selfTradePreventionMode, long time, long updateTime,
                        List<Fill> fills) {
        public boolean isOpen() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        public boolean isBuy() {
            return side.equals("BUY");
        }

        public BigDecimal executedQty() {
            return fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(8);
        }

        public BigDecimal cummulativeQuoteQty() {
            return fills.stream().map(Fill::quoteQty).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(8);
        }
    }

    /** A refusal on its way to the client. */
    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(int status, int code, String msg) {
            super(msg, null, false, false);
            this.refusal = new Refusal(status, code, msg);
        }

        Refused(Refusal refusal) {
            this(refusal.status(), refusal.code(), refusal.msg());
        }
    }

    static final BigDecimal BNB_DISCOUNT = new BigDecimal("0.25");

    private final FakeBinanceSymbols symbols;
    private final Map<String, BigDecimal> free = new TreeMap<>();
    private final Map<String, BigDecimal> locked = new TreeMap<>();
    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private final Map<String, Integer> sent = new LinkedHashMap<>();
    private final Map<Long, BigDecimal> held = new LinkedHashMap<>();
    private final Random ids = new Random(42);
    private BigDecimal maker = new BigDecimal("0.001");
    private BigDecimal taker = new BigDecimal("0.001");
    private int split = 1;
    private BigDecimal bnbPrice;
    private BigDecimal partial;
    private boolean hold;
    private long nextOrderId = 1_000_001;
    private long nextTradeId = 5_000_001;
    private long updateTime;

    FakeBinanceAccount(FakeBinanceSymbols symbols) {
        this.symbols = symbols;
        for (String a : symbols.assets()) free.put(a, BigDecimal.ZERO.setScale(8));
    }

    // ---- switches (set through FakeBinance) ----

    synchronized void balance(String asset, BigDecimal amount) {
        free.put(asset, amount.setScale(8, RoundingMode.UNNECESSARY));
        locked.putIfAbsent(asset, BigDecimal.ZERO.setScale(8));
    }

    synchronized void commissionRates(BigDecimal maker, BigDecimal taker) {
        this.maker = maker;
        this.taker = taker;
    }

    synchronized void splitFills(int n) {
        if (n < 1) throw new IllegalArgumentException("at least one fill, got " + n);
        this.split = n;
    }

    synchronized void commissionInBnb(BigDecimal bnbPrice) {
        this.bnbPrice = bnbPrice;
    }

    synchronized void partialFill(BigDecimal fraction) {
        this.partial = fraction;
    }

    synchronized void holdOrders(boolean hold) {
        this.hold = hold;
    }

    // ---- what a test reads ----

    public synchronized BigDecimal free(String asset) {
        return free.getOrDefault(asset, BigDecimal.ZERO.setScale(8));
    }

    public synchronized BigDecimal locked(String asset) {
        return locked.getOrDefault(asset, BigDecimal.ZERO.setScale(8));
    }

    /** Free balances by asset. */
    public synchronized Map<String, BigDecimal> balances() {
        return Map.copyOf(free);
    }

    public synchronized List<Order> orders() {
        return List.copyOf(orders.values());
    }

    /** The orders booked under a client order id, oldest first (Binance accepts a reused id once the last one is done). */
    public synchronized List<Order> orders(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).toList();
    }

    /** How many order requests reached the server with this newClientOrderId, whatever became of them. */
    public synchronized int sent(String clientOrderId) {
        return sent.getOrDefault(clientOrderId, 0);
    }

    /** Every fill of every order, oldest first. */
    public synchronized List<Fill> trades() {
        return orders.values().stream().flatMap(o -> o.fills().stream()).toList();
    }

    FakeBinanceSymbols symbols() {
        return symbols;
    }

    synchronized BigDecimal maker() {
        return maker;
    }

    synchronized BigDecimal taker() {
        return taker;
    }

    synchronized long updateTime() {
        return updateTime;
    }

    synchronized Map<String, BigDecimal> lockedBalances() {
        return Map.copyOf(locked);
    }

    // ---- the matching engine ----

    /** Counts an order request under its client id, before any check, as the test's "sent" count. */
    synchronized void arrived(Map<String, String> p) {
        String id = p.get("newClientOrderId");
        if (id != null) sent.merge(id, 1, Integer::sum);
    }

    /** A MARKET order checked as Binance checks it (the API's filters first, then the engine's balance), then booked. */
    synchronized Order place(Map<String, String> p, long now, Function<FakeBinanceSymbols.Rules, BigDecimal> prices) {
        FakeBinanceOrderCheck.Checked c = FakeBinanceOrderCheck.check(p, symbols, prices);
        String clientId = c.clientOrderId() != null ? c.clientOrderId() : generatedId();
        if (orders.values().stream().anyMatch(o -> o.isOpen() && o.clientOrderId().equals(clientId))) {
            throw new Refused(400, -2010, "Duplicate order sent.");
        }
        FakeBinanceSymbols.Rules r = c.rules();
        boolean buy = c.side().equals("BUY");
        BigDecimal qty = c.quantity() != null ? c.quantity() : c.qtyForQuote(split);
        Order o = new Order(r.name(), nextOrderId++, clientId, c.side(), qty.setScale(8), c.origQuote(), "NEW", c.stp(), now, now,
                List.of());
        String asset = buy ? r.symbol().quote() : r.symbol().base();
        BigDecimal need = buy ? cost(legs(r, qty, c.price(), true)) : qty;
        if (need.compareTo(free(asset)) > 0) throw insufficient();
        if (!hold) return book(execute(o, c.price(), now));
        need = (buy && c.quoteOrderQty() != null ? c.quoteOrderQty() : need).setScale(8, RoundingMode.UP);
        move(asset, need.negate());
        locked.merge(asset, need, BigDecimal::add);
        held.put(o.orderId(), need);
        return book(o);
    }

    /** Fills the orders held open by {@link #holdOrders} at the current prices. */
    synchronized void fillHeld(long now, Function<FakeBinanceSymbols.Rules, BigDecimal> prices) {
        for (Order o : List.copyOf(orders.values())) {
            if (!o.isOpen()) continue;
            FakeBinanceSymbols.Rules r = symbols.rules(o.symbol());
            BigDecimal price = prices.apply(r);
            String asset = o.isBuy() ? r.symbol().quote() : r.symbol().base();
            BigDecimal funds = held.remove(o.orderId());
            locked.merge(asset, funds.negate(), BigDecimal::add);
            move(asset, funds);
            book(execute(o, price, now));
        }
    }

    /** The trades a market order of {@code qty} makes: price and quantity of each, walking the book a tick a trade. */
    private List<BigDecimal[]> legs(FakeBinanceSymbols.Rules r, BigDecimal qty, BigDecimal price, boolean buy) {
        long steps = qty.divide(r.stepSize(), 0, RoundingMode.DOWN).longValueExact();
        int legs = (int) Math.max(1, Math.min(split, steps));
        List<BigDecimal[]> parts = new ArrayList<>();
        for (int i = 0; i < legs && steps > 0; i++) {
            long n = steps / legs + (i == legs - 1 ? steps % legs : 0);
            BigDecimal walk = r.tickSize().multiply(BigDecimal.valueOf(i));
            BigDecimal legPrice = (buy ? price.add(walk) : price.subtract(walk).max(r.tickSize())).setScale(8);
            parts.add(new BigDecimal[] {legPrice, r.stepSize().multiply(BigDecimal.valueOf(n)).setScale(8)});
        }
        return parts;
    }

    private static BigDecimal cost(List<BigDecimal[]> legs) {
        return legs.stream().map(l -> l[0].multiply(l[1])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Order execute(Order o, BigDecimal price, long now) {
        FakeBinanceSymbols.Rules r = symbols.rules(o.symbol());
        boolean buy = o.isBuy();
        BigDecimal qty = o.origQty();
        if (partial != null) {
            qty = qty.multiply(partial).divide(r.stepSize(), 0, RoundingMode.DOWN).multiply(r.stepSize());
            partial = null;
        }
        List<BigDecimal[]> parts = legs(r, qty, price, buy);
        BigDecimal total = cost(parts);
        String base = r.symbol().base();
        String quote = r.symbol().quote();
        boolean inBnb = false;
        if (bnbPrice != null) {
            BigDecimal bnb = total.multiply(taker).multiply(BigDecimal.ONE.subtract(BNB_DISCOUNT)).divide(bnbPrice, 8, RoundingMode.HALF_UP);
            inBnb = bnb.compareTo(free("BNB")) <= 0;
        }
        List<Fill> fills = new ArrayList<>();
        for (BigDecimal[] part : parts) {
            BigDecimal legQuote = part[0].multiply(part[1]).setScale(8, RoundingMode.HALF_UP);
            BigDecimal commission;
            String asset;
            if (inBnb) {
                commission = legQuote.multiply(taker).multiply(BigDecimal.ONE.subtract(BNB_DISCOUNT)).divide(bnbPrice, 8, RoundingMode.HALF_UP);
                asset = "BNB";
            } else if (buy) {
                commission = part[1].multiply(taker).setScale(8, RoundingMode.HALF_UP);
                asset = base;
            } else {
                commission = legQuote.multiply(taker).setScale(8, RoundingMode.HALF_UP);
                asset = quote;
            }
            move(buy ? quote : base, buy ? legQuote.negate() : part[1].negate());
            move(buy ? base : quote, buy ? part[1] : legQuote);
            move(asset, commission.negate());
            fills.add(new Fill(nextTradeId++, part[0], part[1], commission, asset));
        }
        updateTime = now;
        String status = qty.compareTo(o.origQty()) < 0 ? "EXPIRED" : "FILLED";
        return new Order(o.symbol(), o.orderId(), o.clientOrderId(), o.side(), o.origQty(), o.origQuoteOrderQty(), status,
                o.selfTradePreventionMode(), o.time(), now, List.copyOf(fills));
    }

    private Order book(Order o) {
        orders.put(o.orderId(), o);
        return o;
    }

    private void move(String asset, BigDecimal amount) {
        free.merge(asset, amount, BigDecimal::add);
        locked.putIfAbsent(asset, BigDecimal.ZERO.setScale(8));
    }

    private static Refused insufficient() {
        return new Refused(400, -2010, "Account has insufficient balance for requested action.");
    }

    /** A 22-character id like Binance's own when no newClientOrderId is sent. */
    private String generatedId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 22; i++) sb.append(alphabet.charAt(ids.nextInt(alphabet.length())));
        return sb.toString();
    }
}
