package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.ACCOUNTS;
import static dev.flotilla.engine.store.jooq.Tables.BOTS;
import static dev.flotilla.engine.store.jooq.Tables.BOT_STATE;
import static dev.flotilla.engine.store.jooq.Tables.CANDLES;
import static dev.flotilla.engine.store.jooq.Tables.EQUITY_SNAPSHOTS;
import static dev.flotilla.engine.store.jooq.Tables.FILLS;
import static dev.flotilla.engine.store.jooq.Tables.LEDGER_ADJUSTMENTS;
import static dev.flotilla.engine.store.jooq.Tables.ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.PAPER_BALANCES;
import static dev.flotilla.engine.store.jooq.Tables.PAPER_ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.PARAM_CHANGES;
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_EVENTS;
import static dev.flotilla.engine.store.jooq.Tables.SETTINGS;
import static org.jooq.impl.DSL.excluded;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Position;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Query;

/** The writes of one store transaction. Only the single writer hands these out. */
public final class Tx {

    private final DSLContext db;
    private final PreparedWrites prepared;
    /** Where a scratch store's open transaction holds its last-value upserts, or null to write them at once. */
    private final Pending pending;

    Tx(DSLContext db, PreparedWrites prepared) {
        this(db, prepared, null);
    }

    Tx(DSLContext db, PreparedWrites prepared, Pending pending) {
        this.db = db;
        this.prepared = prepared;
        this.pending = pending;
    }

    /** For the other typed writers of this package (risk tables), inside the same transaction. */
    DSLContext dsl() {
        return db;
    }

    /** The writer's prepared statements, for the other typed writers of this package. */
    PreparedWrites prepared() {
        return prepared;
    }

    public void setting(String key, String value) {
        if (pending != null) {
            pending.setting(key, value);
            return;
        }
        settingRow(null, key, value);
    }

    /** A setting's upsert, run now or, given {@code rows}, held there for its batch. */
    void settingRow(Pending rows, String key, String value) {
        Supplier<Query> shape = () -> db.insertInto(SETTINGS, SETTINGS.KEY, SETTINGS.VALUE).values(key, value)
                .onConflict(SETTINGS.KEY).doUpdate().set(SETTINGS.VALUE, excluded(SETTINGS.VALUE));
        if (rows != null) rows.row(prepared, "setting", shape, key, value);
        else prepared.execute("setting", shape, key, value);
    }

    public void insertBot(BotSpec spec, long createdAt) {
        db.insertInto(BOTS, BOTS.ID, BOTS.STRATEGY, BOTS.SYMBOL, BOTS.TIMEFRAME, BOTS.PARAMS, BOTS.CAPITAL, BOTS.CREATED_AT)
                .values(spec.id(), spec.strategy(), spec.symbol().toString(), spec.timeframe().label(),
                        Json.params(spec.params()), Num.str(spec.capital()), createdAt)
                .execute();
    }

    /** Stores a bot's changed definition (its id stays). */
    public void updateBot(BotSpec spec) {
        int n = db.update(BOTS).set(BOTS.STRATEGY, spec.strategy()).set(BOTS.SYMBOL, spec.symbol().toString())
                .set(BOTS.TIMEFRAME, spec.timeframe().label()).set(BOTS.PARAMS, Json.params(spec.params()))
                .set(BOTS.CAPITAL, Num.str(spec.capital()))
                .where(BOTS.ID.eq(spec.id())).and(BOTS.REMOVED.eq(0L)).execute();
        if (n != 1) throw new IllegalStateException("no bot " + spec.id());
    }

    /** Records a change of a bot's definition or limits; write it in the transaction that makes the change. */
    public void paramChange(ParamChange c) {
        db.insertInto(PARAM_CHANGES, PARAM_CHANGES.BOT_ID, PARAM_CHANGES.CHANGED_AT, PARAM_CHANGES.KIND,
                        PARAM_CHANGES.OLD_VALUES, PARAM_CHANGES.NEW_VALUES, PARAM_CHANGES.SOURCE)
                .values(c.botId(), c.at(), c.kind().name(), Json.values(c.oldValues()), Json.values(c.newValues()), c.source())
                .execute();
    }

    /** Takes a bot out of the fleet; its rows stay for the history, and its id is never given again. */
    public void removeBot(String id) {
        int n = db.update(BOTS).set(BOTS.REMOVED, 1L).where(BOTS.ID.eq(id)).and(BOTS.REMOVED.eq(0L)).execute();
        if (n != 1) throw new IllegalStateException("no bot " + id);
    }

    public void botState(BotState s) {
        if (pending != null) {
            pending.botState(s);
            return;
        }
        botStateRow(null, s);
    }

    /** A bot state's upsert, run now or, given {@code rows}, held there for its batch. */
    void botStateRow(Pending rows, BotState s) {
        String peak = Num.str(s.peakEquity());
        Supplier<Query> shape = () -> db.insertInto(BOT_STATE, BOT_STATE.BOT_ID, BOT_STATE.STATUS,
                                BOT_STATE.LAST_CLOSE, BOT_STATE.LAST_TICK_AT, BOT_STATE.LAST_ERROR, BOT_STATE.ORDER_SEQ,
                                BOT_STATE.PEAK_EQUITY)
                        .values(s.botId(), s.status().name(), s.lastClose(), s.lastTickAt(), s.lastError(), s.orderSeq(), peak)
                        .onConflict(BOT_STATE.BOT_ID).doUpdate()
                        .set(BOT_STATE.STATUS, excluded(BOT_STATE.STATUS))
                        .set(BOT_STATE.LAST_CLOSE, excluded(BOT_STATE.LAST_CLOSE))
                        .set(BOT_STATE.LAST_TICK_AT, excluded(BOT_STATE.LAST_TICK_AT))
                        .set(BOT_STATE.LAST_ERROR, excluded(BOT_STATE.LAST_ERROR))
                        .set(BOT_STATE.ORDER_SEQ, excluded(BOT_STATE.ORDER_SEQ))
                        .set(BOT_STATE.PEAK_EQUITY, excluded(BOT_STATE.PEAK_EQUITY));
        Object[] values = {s.botId(), s.status().name(), s.lastClose(), s.lastTickAt(), s.lastError(), s.orderSeq(), peak};
        if (rows != null) rows.row(prepared, "botState", shape, values);
        else prepared.execute("botState", shape, values);
    }

    public void account(Account a) {
        String cash = Num.str(a.cash());
        String pnl = Num.str(a.realizedPnl());
        String fees = Num.str(a.fees());
        prepared.execute("account", () -> db.insertInto(ACCOUNTS, ACCOUNTS.BOT_ID, ACCOUNTS.CASH, ACCOUNTS.REALIZED_PNL,
                                ACCOUNTS.FEES)
                        .values(a.botId(), cash, pnl, fees)
                        .onConflict(ACCOUNTS.BOT_ID).doUpdate()
                        .set(ACCOUNTS.CASH, excluded(ACCOUNTS.CASH))
                        .set(ACCOUNTS.REALIZED_PNL, excluded(ACCOUNTS.REALIZED_PNL))
                        .set(ACCOUNTS.FEES, excluded(ACCOUNTS.FEES)),
                a.botId(), cash, pnl, fees);
    }

    /** Inserts a PENDING order; a second order with the same client order id fails (it is the primary key). */
    public void insertOrder(Order o) {
        Object[] v = {o.clientOrderId(), o.botId(), o.symbol().toString(), o.side().name(), Num.str(o.qty()),
                Num.str(o.refPrice()), Num.str(o.stopPrice()), o.purpose(), o.status().name(), o.tickClose(), o.createdAt(),
                o.updatedAt(), o.reason()};
        prepared.execute("insertOrder", () -> db.insertInto(ORDERS, ORDERS.CLIENT_ORDER_ID, ORDERS.BOT_ID, ORDERS.SYMBOL,
                        ORDERS.SIDE, ORDERS.QTY, ORDERS.REF_PRICE, ORDERS.STOP_PRICE, ORDERS.PURPOSE, ORDERS.STATUS,
                        ORDERS.TICK_CLOSE, ORDERS.CREATED_AT, ORDERS.UPDATED_AT, ORDERS.REASON)
                .values(Arrays.asList(v)), v);
    }

    /** What sized an entry, stored with its order in the transaction that inserts it. */
    public void orderSizing(String clientOrderId, String sizing) {
        prepared.execute("orderSizing", () -> db.update(ORDERS).set(ORDERS.SIZING, sizing)
                .where(ORDERS.CLIENT_ORDER_ID.eq(clientOrderId)), sizing, clientOrderId);
    }

    public void updateOrder(Order o) {
        prepared.execute("updateOrder", () -> db.update(ORDERS).set(ORDERS.STATUS, o.status().name())
                        .set(ORDERS.UPDATED_AT, o.updatedAt()).set(ORDERS.REASON, o.reason())
                        .where(ORDERS.CLIENT_ORDER_ID.eq(o.clientOrderId())),
                o.status().name(), o.updatedAt(), o.reason(), o.clientOrderId());
    }

    public void insertFill(Fill f) {
        Object[] v = fillValues(f);
        prepared.execute("insertFill", () -> db.insertInto(FILLS, FILLS.CLIENT_ORDER_ID, FILLS.BOT_ID, FILLS.SYMBOL,
                        FILLS.SIDE, FILLS.QTY, FILLS.PRICE, FILLS.FEE, FILLS.FILLED_AT)
                .values(Arrays.asList(v)), v);
    }

    /** A fill's columns in the order of the fills and paper_orders tables. */
    private static Object[] fillValues(Fill f) {
        return new Object[] {f.clientOrderId(), f.botId(), f.symbol().toString(), f.side().name(), Num.str(f.qty()),
                Num.str(f.price()), Num.str(f.fee()), f.filledAt()};
    }

    /** Opens a position and returns its id. */
    public long openPosition(Position p) {
        Object[] v = {p.botId(), p.symbol().toString(), "OPEN", Num.str(p.qty()), Num.str(p.entryPrice()),
                Num.str(p.entryFee()), Num.str(p.stopPrice()), Num.str(p.highestPrice()), p.openedAt(), p.entryOrder()};
        return prepared.insertForId("openPosition", () -> db.insertInto(POSITIONS, POSITIONS.BOT_ID, POSITIONS.SYMBOL,
                        POSITIONS.STATUS, POSITIONS.QTY, POSITIONS.ENTRY_PRICE, POSITIONS.ENTRY_FEE, POSITIONS.STOP_PRICE,
                        POSITIONS.HIGHEST_PRICE, POSITIONS.OPENED_AT, POSITIONS.ENTRY_ORDER)
                .values(Arrays.asList(v)), POSITIONS.ID, v);
    }

    /** Stores a moved stop, a new highest price or a corrected quantity of an open position. */
    public void updatePosition(Position p) {
        String qty = Num.str(p.qty());
        String stop = Num.str(p.stopPrice());
        String highest = Num.str(p.highestPrice());
        prepared.execute("updatePosition", () -> db.update(POSITIONS).set(POSITIONS.QTY, qty).set(POSITIONS.STOP_PRICE, stop)
                        .set(POSITIONS.HIGHEST_PRICE, highest).where(POSITIONS.ID.eq(p.id())),
                qty, stop, highest, p.id());
    }

    public void closePosition(long id, BigDecimal exitPrice, BigDecimal exitFee, String reason, BigDecimal netPnl,
                              long closedAt, String exitOrder) {
        String price = Num.str(exitPrice);
        String fee = Num.str(exitFee);
        String pnl = Num.str(netPnl);
        int n = prepared.execute("closePosition", () -> db.update(POSITIONS).set(POSITIONS.STATUS, "CLOSED")
                        .set(POSITIONS.EXIT_PRICE, price).set(POSITIONS.EXIT_FEE, fee).set(POSITIONS.EXIT_REASON, reason)
                        .set(POSITIONS.REALIZED_PNL, pnl).set(POSITIONS.CLOSED_AT, closedAt)
                        .set(POSITIONS.EXIT_ORDER, exitOrder)
                        .where(POSITIONS.ID.eq(id)).and(POSITIONS.STATUS.eq("OPEN")),
                "CLOSED", price, fee, reason, pnl, closedAt, exitOrder, id, "OPEN");
        if (n != 1) throw new IllegalStateException("position " + id + " is not open");
    }

    /**
     * Stores closed candles; one that is already there is left as it is (unique per feed and open time). A scratch
     * store's instants keep none (decision 0035): a backtest's candles are its history source's, which its charts read,
     * and a scratch store is never resumed; the warm-up its boot writes is kept, as the feeds are rebuilt from it.
     */
    public void candles(Feed feed, List<Candle> candles) {
        if (pending != null && !pending.keepsCandles()) return;
        String sym = feed.symbol().toString();
        String tf = feed.timeframe().label();
        // one prepared row at a time, a window of history too: rendering a statement of hundreds of rows cost more
        for (Candle c : candles) {
            insertRow("candle", () -> db.insertInto(CANDLES, CANDLES.SYMBOL, CANDLES.TIMEFRAME, CANDLES.OPEN_TIME,
                            CANDLES.OPEN, CANDLES.HIGH, CANDLES.LOW, CANDLES.CLOSE, CANDLES.VOLUME)
                            .values(sym, tf, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume())
                            .onConflictDoNothing(),
                    sym, tf, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
    }

    /** A decimal as stored; in a scratch store's instants the same values recur (a flat bot's equity), made once. */
    private String text(BigDecimal v) {
        return pending != null ? pending.text(v) : Num.str(v);
    }

    /** An insert of one row that nothing in the transaction reads back: held for a batch in a scratch store. */
    private void insertRow(String name, Supplier<Query> shape, Object... values) {
        if (pending != null) pending.row(prepared, name, shape, values);
        else prepared.execute(name, shape, values);
    }

    public void equitySnapshot(long at, String botId, BigDecimal equity, BigDecimal cash, BigDecimal unrealized) {
        String e = text(equity);
        String c = text(cash);
        String u = text(unrealized);
        insertRow("equitySnapshot", () -> db.insertInto(EQUITY_SNAPSHOTS, EQUITY_SNAPSHOTS.TAKEN_AT,
                                EQUITY_SNAPSHOTS.BOT_ID, EQUITY_SNAPSHOTS.EQUITY, EQUITY_SNAPSHOTS.CASH, EQUITY_SNAPSHOTS.UNREALIZED)
                        .values(at, botId, e, c, u).onConflictDoNothing(),
                at, botId, e, c, u);
    }

    public void riskEvent(long at, String botId, String code, String detail) {
        db.insertInto(RISK_EVENTS, RISK_EVENTS.OCCURRED_AT, RISK_EVENTS.BOT_ID, RISK_EVENTS.CODE, RISK_EVENTS.DETAIL)
                .values(at, botId, code, detail).execute();
    }

    /** The paper exchange's record of an order it filled. */
    public void paperOrder(Fill f) {
        Object[] v = fillValues(f);
        prepared.execute("paperOrder", () -> db.insertInto(PAPER_ORDERS, PAPER_ORDERS.CLIENT_ORDER_ID, PAPER_ORDERS.BOT_ID,
                        PAPER_ORDERS.SYMBOL, PAPER_ORDERS.SIDE, PAPER_ORDERS.QTY, PAPER_ORDERS.PRICE, PAPER_ORDERS.FEE,
                        PAPER_ORDERS.FILLED_AT)
                .values(Arrays.asList(v)), v);
    }

    public void paperBalance(String account, String asset, BigDecimal amount) {
        String a = Num.str(amount);
        prepared.execute("paperBalance", () -> db.insertInto(PAPER_BALANCES, PAPER_BALANCES.BOT_ID, PAPER_BALANCES.ASSET,
                                PAPER_BALANCES.AMOUNT).values(account, asset, a)
                        .onConflict(PAPER_BALANCES.BOT_ID, PAPER_BALANCES.ASSET).doUpdate()
                        .set(PAPER_BALANCES.AMOUNT, excluded(PAPER_BALANCES.AMOUNT)),
                account, asset, a);
    }

    public void ledgerAdjustment(long at, String botId, String asset, BigDecimal delta, String reason) {
        db.insertInto(LEDGER_ADJUSTMENTS, LEDGER_ADJUSTMENTS.MADE_AT, LEDGER_ADJUSTMENTS.BOT_ID, LEDGER_ADJUSTMENTS.ASSET,
                        LEDGER_ADJUSTMENTS.DELTA, LEDGER_ADJUSTMENTS.REASON)
                .values(at, botId, asset, Num.str(delta), reason).execute();
    }
}
