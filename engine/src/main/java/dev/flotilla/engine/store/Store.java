package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.ACCOUNTS;
import static dev.flotilla.engine.store.jooq.Tables.BOTS;
import static dev.flotilla.engine.store.jooq.Tables.BOT_STATE;
import static dev.flotilla.engine.store.jooq.Tables.CANDLES;
import static dev.flotilla.engine.store.jooq.Tables.FILLS;
import static dev.flotilla.engine.store.jooq.Tables.LEDGER_ADJUSTMENTS;
import static dev.flotilla.engine.store.jooq.Tables.ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.PAPER_BALANCES;
import static dev.flotilla.engine.store.jooq.Tables.PAPER_ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.PARAM_CHANGES;
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;
import static dev.flotilla.engine.store.jooq.Tables.SETTINGS;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Typed access to the database. All writes go through {@link #write}, one BEGIN IMMEDIATE transaction at a
 * time on the single writer connection; reads use their own connection and see committed data only.
 */
public final class Store implements AutoCloseable {

    private final Database db;
    private final HistoryReads history;
    private final Writer writer;

    public Store(Database db) {
        this.db = db;
        this.writer = new Writer(db);
        this.history = new HistoryReads(this);
    }

    public Database database() { return db; }

    /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
    public void write(Consumer<Tx> work) {
        writeAndGet(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs the writes of one engine instant. A file store commits each of them as it comes (each is durable before
     * it is acted on); a scratch store in memory, which no restart resumes, takes them into one transaction that goes
     * on across instants (committed every so many instants and before any write between them), which is what makes a
     * backtest fast. A store failure inside is then fatal, never replayed, even if the code that met it went on.
     */
    public void instant(Runnable work) {
        if (!db.inMemory()) {
            work.run();
            return;
        }
        try {
            writer.inOneTransaction(work);
        } catch (StoreUnavailableException e) {
            throw new StoreException("the scratch store failed: " + e.getMessage(), e);
        }
    }

    public <T> T writeAndGet(Function<Tx, T> work) {
        return writer.inTransaction(work);
    }

    /** What the writer has done so far (a consistent snapshot, taken between transactions). */
    public WriteStats writeStats() {
        return writer.stats();
    }

    /** Starts a new measurement of the longest write, e.g. once a new fleet is seeded. */
    public void resetLongestWrite() { writer.resetLongestWrite(); }

    <T> T read(Function<DSLContext, T> query) {
        writer.beforeRead();
        for (int attempt = 0; ; attempt++) {
            DSLContext ctx = db.readContext();
            synchronized (ctx) {
                try {
                    return query.apply(ctx);
                } catch (org.jooq.exception.DataAccessException e) {
                    // a lost server connection: a read changes nothing, so it is asked again on a new one
                    if (attempt > 0 || !PostgresServer.lostConnection(e) || !db.reconnectReader()) throw e;
                }
            }
        }
    }

    // ---- reads ----

    public Map<String, String> settings() {
        return read(ctx -> {
            Map<String, String> m = new LinkedHashMap<>();
            ctx.selectFrom(SETTINGS).forEach(r -> m.put(r.getKey(), r.getValue()));
            return m;
        });
    }

    /** The history the console shows: recent orders, fills, closed positions and equity. */
    public HistoryReads history() {
        return history;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(read(ctx -> ctx.select(SETTINGS.VALUE).from(SETTINGS).where(SETTINGS.KEY.eq(key))
                .fetchOne(SETTINGS.VALUE)));
    }

    public List<BotSpec> bots() {
        return read(ctx -> ctx.selectFrom(BOTS).where(BOTS.REMOVED.eq(0L)).orderBy(BOTS.CREATED_AT, BOTS.ID)
                .fetch(Rows::spec));
    }

    /** A bot of the fleet (not a removed one). */
    public Optional<BotSpec> bot(String id) {
        return read(ctx -> ctx.selectFrom(BOTS).where(BOTS.ID.eq(id)).and(BOTS.REMOVED.eq(0L)).fetchOptional(Rows::spec));
    }

    /** Every id ever given to a bot, removed ones included: an id is never reused. */
    public Set<String> allBotIds() {
        return read(ctx -> new LinkedHashSet<>(ctx.select(BOTS.ID).from(BOTS).fetch(BOTS.ID)));
    }

    /** A bot's parameter and limit changes, newest first. */
    public List<ParamChange> paramChanges(String botId) {
        return read(ctx -> ctx.selectFrom(PARAM_CHANGES).where(PARAM_CHANGES.BOT_ID.eq(botId)).orderBy(PARAM_CHANGES.ID.desc())
                .fetch(r -> new ParamChange(r.getId(), r.getChangedAt(), r.getBotId(), ParamChange.Kind.valueOf(r.getKind()),
                        Json.values(r.getOldValues()), Json.values(r.getNewValues()), r.getSource())));
    }

    public Map<String, BotState> botStates() {
        return read(ctx -> {
            Map<String, BotState> m = new LinkedHashMap<>();
            ctx.selectFrom(BOT_STATE).forEach(r -> m.put(r.getBotId(), new BotState(r.getBotId(),
                    BotStatus.valueOf(r.getStatus()), r.getLastClose(), r.getLastTickAt(), r.getLastError(),
                    r.getOrderSeq(), Num.dec(r.getPeakEquity()))));
            return m;
        });
    }

    public Map<String, Account> accounts() {
        return read(ctx -> {
            Map<String, Account> m = new LinkedHashMap<>();
            ctx.selectFrom(ACCOUNTS).forEach(r -> m.put(r.getBotId(), new Account(r.getBotId(), Num.dec(r.getCash()),
                    Num.dec(r.getRealizedPnl()), Num.dec(r.getFees()))));
            return m;
        });
    }

    public Map<String, Position> openPositions() {
        return read(ctx -> {
            Map<String, Position> m = new LinkedHashMap<>();
            ctx.selectFrom(POSITIONS).where(POSITIONS.STATUS.eq("OPEN")).orderBy(POSITIONS.ID)
                    .forEach(r -> m.put(r.getBotId(), Rows.position(r)));
            return m;
        });
    }

    public List<Order> orders(OrderStatus status) {
        return read(ctx -> ctx.selectFrom(ORDERS).where(ORDERS.STATUS.eq(status.name()))
                .orderBy(ORDERS.CREATED_AT, ORDERS.CLIENT_ORDER_ID).fetch(Rows::order));
    }

    /** What sized each entry, by client order id, in the order the entries were made; entries before V4 have none. */
    public Map<String, String> entrySizings() {
        return read(ctx -> {
            Map<String, String> m = new LinkedHashMap<>();
            ctx.select(ORDERS.CLIENT_ORDER_ID, ORDERS.SIZING).from(ORDERS).where(ORDERS.SIZING.isNotNull())
                    .orderBy(ORDERS.CREATED_AT, ORDERS.CLIENT_ORDER_ID).forEach(r -> m.put(r.value1(), r.value2()));
            return m;
        });
    }

    public Optional<Order> order(String clientOrderId) {
        return read(ctx -> ctx.selectFrom(ORDERS).where(ORDERS.CLIENT_ORDER_ID.eq(clientOrderId)).fetchOptional(Rows::order));
    }

    /** All fills in the order they happened. */
    public List<Fill> fills() {
        return read(ctx -> ctx.selectFrom(FILLS).orderBy(FILLS.ID).fetch(Rows::fill));
    }

    public List<Fill> recentFills(int limit) {
        return read(ctx -> ctx.selectFrom(FILLS).orderBy(FILLS.ID.desc()).limit(limit).fetch(Rows::fill)).reversed();
    }

    /** Closed positions: bot id and net PnL, oldest first. */
    public List<ClosedTrade> closedTrades() {
        return read(ctx -> ctx.selectFrom(POSITIONS).where(POSITIONS.STATUS.eq("CLOSED")).orderBy(POSITIONS.ID)
                .fetch(Rows::closedTrade));
    }

    /** The most recent stored closed candles of a feed that closed at or before {@code closedBy}, oldest first. */
    public List<Candle> candles(Feed feed, long closedBy, int limit) {
        long lastOpen = closedBy - feed.timeframe().millis();
        List<Candle> list = read(ctx -> ctx.selectFrom(CANDLES)
                .where(CANDLES.SYMBOL.eq(feed.symbol().toString()))
                .and(CANDLES.TIMEFRAME.eq(feed.timeframe().label()))
                .and(CANDLES.OPEN_TIME.le(lastOpen))
                .orderBy(CANDLES.OPEN_TIME.desc()).limit(limit)
                .fetch(r -> new Candle(r.getOpenTime(), r.getOpen(), r.getHigh(), r.getLow(), r.getClose(), r.getVolume())));
        List<Candle> ordered = new ArrayList<>(list);
        Collections.reverse(ordered);
        return ordered;
    }

    /**
     * Up to {@code limit} stored closed candles of a feed opening at or after {@code fromOpen} and closing at or before
     * {@code closedBy}, oldest first: pages through a feed from its first candle, as a replay of its series does.
     */
    public List<Candle> candlesFrom(Feed feed, long fromOpen, long closedBy, int limit) {
        return read(ctx -> ctx.selectFrom(CANDLES)
                .where(CANDLES.SYMBOL.eq(feed.symbol().toString()))
                .and(CANDLES.TIMEFRAME.eq(feed.timeframe().label()))
                .and(CANDLES.OPEN_TIME.between(fromOpen, closedBy - feed.timeframe().millis()))
                .orderBy(CANDLES.OPEN_TIME.asc()).limit(limit)
                .fetch(r -> new Candle(r.getOpenTime(), r.getOpen(), r.getHigh(), r.getLow(), r.getClose(), r.getVolume())));
    }

    /** The stretches [from, to) of a feed's open times in the period that the store lacks, oldest first. */
    public java.util.Deque<long[]> missingCandles(Feed feed, long from, long to) {
        long len = feed.timeframe().millis();
        long first = Math.floorDiv(from + len - 1, len) * len;
        long endClose = feed.timeframe().lastCloseAtOrBefore(to);
        java.util.Deque<long[]> out = new java.util.ArrayDeque<>();
        long expected = first;
        while (expected < endClose) {
            List<Candle> stored = candlesFrom(feed, expected, endClose, 50_000);
            for (Candle c : stored) {
                if (c.openTime() > expected) out.add(new long[] {expected, c.openTime()});
                expected = c.openTime() + len;
            }
            if (stored.size() < 50_000) break;
        }
        if (expected < endClose) out.add(new long[] {expected, endClose});
        return out;
    }

    /** Accepted ledger corrections per bot and asset, summed. */
    public Map<String, Map<String, BigDecimal>> ledgerAdjustments() {
        return read(ctx -> {
            Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>();
            ctx.selectFrom(LEDGER_ADJUSTMENTS).forEach(r -> m.computeIfAbsent(r.getBotId(), k -> new LinkedHashMap<>())
                    .merge(r.getAsset(), Num.dec(r.getDelta()), BigDecimal::add));
            return m;
        });
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException("not a table name: " + table);
        return read(ctx -> (long) ctx.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table))));
    }

    /** The paper exchange's side of the books. */
    public Map<String, Map<String, BigDecimal>> paperBalances() {
        return read(ctx -> {
            Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>();
            ctx.selectFrom(PAPER_BALANCES).forEach(r -> m.computeIfAbsent(r.getBotId(), k -> new LinkedHashMap<>())
                    .put(r.getAsset(), Num.dec(r.getAmount())));
            return m;
        });
    }

    public Optional<Fill> paperOrder(String clientOrderId) {
        return read(ctx -> ctx.selectFrom(PAPER_ORDERS).where(PAPER_ORDERS.CLIENT_ORDER_ID.eq(clientOrderId))
                .fetchOptional(r -> new Fill(r.getClientOrderId(), r.getBotId(), Symbol.parse(r.getSymbol()),
                        Side.valueOf(r.getSide()), Num.dec(r.getQty()), Num.dec(r.getPrice()), Num.dec(r.getFee()),
                        r.getFilledAt())));
    }

    @Override
    public void close() {
        writer.close();
    }
}
