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
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_EVENTS;
import static dev.flotilla.engine.store.jooq.Tables.SETTINGS;

import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Position;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;

/** The writes of one store transaction. Only the single writer hands these out. */
public final class Tx {

    private final DSLContext db;

    Tx(DSLContext db) {
        this.db = db;
    }

    /** For the other typed writers of this package (risk tables), inside the same transaction. */
    DSLContext dsl() {
        return db;
    }

    public void setting(String key, String value) {
        db.insertInto(SETTINGS, SETTINGS.KEY, SETTINGS.VALUE).values(key, value)
                .onConflict(SETTINGS.KEY).doUpdate().set(SETTINGS.VALUE, value).execute();
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

    /** Takes a bot out of the fleet; its rows stay for the history, and its id is never given again. */
    public void removeBot(String id) {
        int n = db.update(BOTS).set(BOTS.REMOVED, 1L).where(BOTS.ID.eq(id)).and(BOTS.REMOVED.eq(0L)).execute();
        if (n != 1) throw new IllegalStateException("no bot " + id);
    }

    public void botState(BotState s) {
        db.insertInto(BOT_STATE, BOT_STATE.BOT_ID, BOT_STATE.STATUS, BOT_STATE.LAST_CLOSE, BOT_STATE.LAST_TICK_AT,
                        BOT_STATE.LAST_ERROR, BOT_STATE.ORDER_SEQ, BOT_STATE.PEAK_EQUITY)
                .values(s.botId(), s.status().name(), s.lastClose(), s.lastTickAt(), s.lastError(), s.orderSeq(),
                        Num.str(s.peakEquity()))
                .onConflict(BOT_STATE.BOT_ID).doUpdate()
                .set(BOT_STATE.STATUS, s.status().name())
                .set(BOT_STATE.LAST_CLOSE, s.lastClose())
                .set(BOT_STATE.LAST_TICK_AT, s.lastTickAt())
                .set(BOT_STATE.LAST_ERROR, s.lastError())
                .set(BOT_STATE.ORDER_SEQ, s.orderSeq())
                .set(BOT_STATE.PEAK_EQUITY, Num.str(s.peakEquity()))
                .execute();
    }

    public void account(Account a) {
        db.insertInto(ACCOUNTS, ACCOUNTS.BOT_ID, ACCOUNTS.CASH, ACCOUNTS.REALIZED_PNL, ACCOUNTS.FEES)
                .values(a.botId(), Num.str(a.cash()), Num.str(a.realizedPnl()), Num.str(a.fees()))
                .onConflict(ACCOUNTS.BOT_ID).doUpdate()
                .set(ACCOUNTS.CASH, Num.str(a.cash()))
                .set(ACCOUNTS.REALIZED_PNL, Num.str(a.realizedPnl()))
                .set(ACCOUNTS.FEES, Num.str(a.fees()))
                .execute();
    }

    /** Inserts a PENDING order; a second order with the same client order id fails (it is the primary key). */
    public void insertOrder(Order o) {
        db.insertInto(ORDERS, ORDERS.CLIENT_ORDER_ID, ORDERS.BOT_ID, ORDERS.SYMBOL, ORDERS.SIDE, ORDERS.QTY,
                        ORDERS.REF_PRICE, ORDERS.STOP_PRICE, ORDERS.PURPOSE, ORDERS.STATUS, ORDERS.TICK_CLOSE, ORDERS.CREATED_AT,
                        ORDERS.UPDATED_AT, ORDERS.REASON)
                .values(o.clientOrderId(), o.botId(), o.symbol().toString(), o.side().name(), Num.str(o.qty()),
                        Num.str(o.refPrice()), Num.str(o.stopPrice()), o.purpose(), o.status().name(), o.tickClose(), o.createdAt(),
                        o.updatedAt(), o.reason())
                .execute();
    }

    public void updateOrder(Order o) {
        db.update(ORDERS).set(ORDERS.STATUS, o.status().name()).set(ORDERS.UPDATED_AT, o.updatedAt())
                .set(ORDERS.REASON, o.reason())
                .where(ORDERS.CLIENT_ORDER_ID.eq(o.clientOrderId())).execute();
    }

    public void insertFill(Fill f) {
        db.insertInto(FILLS, FILLS.CLIENT_ORDER_ID, FILLS.BOT_ID, FILLS.SYMBOL, FILLS.SIDE, FILLS.QTY, FILLS.PRICE,
                        FILLS.FEE, FILLS.FILLED_AT)
                .values(f.clientOrderId(), f.botId(), f.symbol().toString(), f.side().name(), Num.str(f.qty()),
                        Num.str(f.price()), Num.str(f.fee()), f.filledAt())
                .execute();
    }

    /** Opens a position and returns its id. */
    public long openPosition(Position p) {
        return db.insertInto(POSITIONS, POSITIONS.BOT_ID, POSITIONS.SYMBOL, POSITIONS.STATUS, POSITIONS.QTY,
                        POSITIONS.ENTRY_PRICE, POSITIONS.ENTRY_FEE, POSITIONS.STOP_PRICE, POSITIONS.HIGHEST_PRICE,
                        POSITIONS.OPENED_AT, POSITIONS.ENTRY_ORDER)
                .values(p.botId(), p.symbol().toString(), "OPEN", Num.str(p.qty()), Num.str(p.entryPrice()),
                        Num.str(p.entryFee()), Num.str(p.stopPrice()), Num.str(p.highestPrice()), p.openedAt(),
                        p.entryOrder())
                .returning(POSITIONS.ID).fetchOne().getId();
    }

    /** Stores a moved stop, a new highest price or a corrected quantity of an open position. */
    public void updatePosition(Position p) {
        db.update(POSITIONS).set(POSITIONS.QTY, Num.str(p.qty())).set(POSITIONS.STOP_PRICE, Num.str(p.stopPrice()))
                .set(POSITIONS.HIGHEST_PRICE, Num.str(p.highestPrice()))
                .where(POSITIONS.ID.eq(p.id())).execute();
    }

    public void closePosition(long id, BigDecimal exitPrice, BigDecimal exitFee, String reason, BigDecimal netPnl,
                              long closedAt, String exitOrder) {
        int n = db.update(POSITIONS).set(POSITIONS.STATUS, "CLOSED").set(POSITIONS.EXIT_PRICE, Num.str(exitPrice))
                .set(POSITIONS.EXIT_FEE, Num.str(exitFee)).set(POSITIONS.EXIT_REASON, reason)
                .set(POSITIONS.REALIZED_PNL, Num.str(netPnl)).set(POSITIONS.CLOSED_AT, closedAt)
                .set(POSITIONS.EXIT_ORDER, exitOrder)
                .where(POSITIONS.ID.eq(id)).and(POSITIONS.STATUS.eq("OPEN")).execute();
        if (n != 1) throw new IllegalStateException("position " + id + " is not open");
    }

    /** Stores closed candles; one that is already there is left as it is (unique per feed and open time). */
    public void candles(Feed feed, List<Candle> candles) {
        if (candles.isEmpty()) return;
        var insert = db.insertInto(CANDLES, CANDLES.SYMBOL, CANDLES.TIMEFRAME, CANDLES.OPEN_TIME, CANDLES.OPEN,
                CANDLES.HIGH, CANDLES.LOW, CANDLES.CLOSE, CANDLES.VOLUME);
        String sym = feed.symbol().toString();
        String tf = feed.timeframe().label();
        for (Candle c : candles) {
            insert = insert.values(sym, tf, c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
        insert.onConflictDoNothing().execute();
    }

    public void equitySnapshot(long at, String botId, BigDecimal equity, BigDecimal cash, BigDecimal unrealized) {
        db.insertInto(EQUITY_SNAPSHOTS, EQUITY_SNAPSHOTS.TAKEN_AT, EQUITY_SNAPSHOTS.BOT_ID, EQUITY_SNAPSHOTS.EQUITY,
                        EQUITY_SNAPSHOTS.CASH, EQUITY_SNAPSHOTS.UNREALIZED)
                .values(at, botId, Num.str(equity), Num.str(cash), Num.str(unrealized))
                .onConflictDoNothing().execute();
    }

    public void riskEvent(long at, String botId, String code, String detail) {
        db.insertInto(RISK_EVENTS, RISK_EVENTS.OCCURRED_AT, RISK_EVENTS.BOT_ID, RISK_EVENTS.CODE, RISK_EVENTS.DETAIL)
                .values(at, botId, code, detail).execute();
    }

    /** The paper exchange's record of an order it filled. */
    public void paperOrder(Fill f) {
        db.insertInto(PAPER_ORDERS, PAPER_ORDERS.CLIENT_ORDER_ID, PAPER_ORDERS.BOT_ID, PAPER_ORDERS.SYMBOL,
                        PAPER_ORDERS.SIDE, PAPER_ORDERS.QTY, PAPER_ORDERS.PRICE, PAPER_ORDERS.FEE, PAPER_ORDERS.FILLED_AT)
                .values(f.clientOrderId(), f.botId(), f.symbol().toString(), f.side().name(), Num.str(f.qty()),
                        Num.str(f.price()), Num.str(f.fee()), f.filledAt())
                .execute();
    }

    public void paperBalance(String account, String asset, BigDecimal amount) {
        db.insertInto(PAPER_BALANCES, PAPER_BALANCES.BOT_ID, PAPER_BALANCES.ASSET, PAPER_BALANCES.AMOUNT)
                .values(account, asset, Num.str(amount))
                .onConflict(PAPER_BALANCES.BOT_ID, PAPER_BALANCES.ASSET).doUpdate()
                .set(PAPER_BALANCES.AMOUNT, Num.str(amount)).execute();
    }

    public void ledgerAdjustment(long at, String botId, String asset, BigDecimal delta, String reason) {
        db.insertInto(LEDGER_ADJUSTMENTS, LEDGER_ADJUSTMENTS.MADE_AT, LEDGER_ADJUSTMENTS.BOT_ID, LEDGER_ADJUSTMENTS.ASSET,
                        LEDGER_ADJUSTMENTS.DELTA, LEDGER_ADJUSTMENTS.REASON)
                .values(at, botId, asset, Num.str(delta), reason).execute();
    }
}
