package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.BOTS;
import static dev.flotilla.engine.store.jooq.Tables.EQUITY_SNAPSHOTS;
import static dev.flotilla.engine.store.jooq.Tables.FILLS;
import static dev.flotilla.engine.store.jooq.Tables.ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_EVENTS;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * The reads behind reports and exports: every row of a period, oldest first, on the store's read connection
 * (committed data only). A period is {@code from} (included) to {@code to} (excluded), engine time.
 */
public final class ReportReads {

    private final Store store;

    public ReportReads(Store store) {
        this.store = store;
    }

    /** One stored equity snapshot; bot {@code "*"} is the fleet. */
    public record Snapshot(long at, String botId, BigDecimal equity, BigDecimal cash, BigDecimal unrealized) {
    }

    /** The positions closed in the period, oldest first. */
    public List<ClosedTrade> closedTrades(long from, long to) {
        return store.read(ctx -> ctx.selectFrom(POSITIONS).where(POSITIONS.STATUS.eq("CLOSED"))
                .and(POSITIONS.CLOSED_AT.ge(from)).and(POSITIONS.CLOSED_AT.lt(to))
                .orderBy(POSITIONS.CLOSED_AT, POSITIONS.ID).fetch(Rows::closedTrade));
    }

    /** The positions open now. */
    public List<Position> openPositions() {
        return List.copyOf(store.openPositions().values());
    }

    /** The equity snapshots of the period, by time and then bot. */
    public List<Snapshot> equity(long from, long to) {
        return store.read(ctx -> ctx.selectFrom(EQUITY_SNAPSHOTS)
                .where(EQUITY_SNAPSHOTS.TAKEN_AT.ge(from)).and(EQUITY_SNAPSHOTS.TAKEN_AT.lt(to))
                .orderBy(EQUITY_SNAPSHOTS.TAKEN_AT, EQUITY_SNAPSHOTS.BOT_ID)
                .fetch(r -> new Snapshot(r.getTakenAt(), r.getBotId(), Num.dec(r.getEquity()), Num.dec(r.getCash()),
                        Num.dec(r.getUnrealized()))));
    }

    /** The orders made in the period, oldest first. */
    public List<Order> orders(long from, long to) {
        return store.read(ctx -> ctx.selectFrom(ORDERS).where(ORDERS.CREATED_AT.ge(from)).and(ORDERS.CREATED_AT.lt(to))
                .orderBy(ORDERS.CREATED_AT, ORDERS.CLIENT_ORDER_ID).fetch(Rows::order));
    }

    /** The fills of the period with their orders' purposes, oldest first. */
    public List<HistoryReads.PurposedFill> fills(long from, long to) {
        return store.read(ctx -> ctx.select(FILLS.fields()).select(ORDERS.PURPOSE, ORDERS.REASON).from(FILLS)
                .join(ORDERS).on(ORDERS.CLIENT_ORDER_ID.eq(FILLS.CLIENT_ORDER_ID))
                .where(FILLS.FILLED_AT.ge(from)).and(FILLS.FILLED_AT.lt(to)).orderBy(FILLS.ID)
                .fetch(r -> new HistoryReads.PurposedFill(Rows.fill(r.into(FILLS)), r.get(ORDERS.PURPOSE),
                        r.get(ORDERS.REASON))));
    }

    /** The risk events of the period, oldest first. */
    public List<RiskRecord> riskEvents(long from, long to) {
        return store.read(ctx -> ctx.selectFrom(RISK_EVENTS).where(RISK_EVENTS.OCCURRED_AT.ge(from))
                .and(RISK_EVENTS.OCCURRED_AT.lt(to)).orderBy(RISK_EVENTS.ID)
                .fetch(r -> new RiskRecord(r.getId(), r.getOccurredAt(), r.getBotId(), RiskRecord.Kind.valueOf(r.getKind()),
                        r.getCode(), r.getDetail(), r.getIntent(), r.getNumbers())));
    }

    /** Every bot by id, removed bots too (their trades stay in the books). */
    public Map<String, BotSpec> allBots() {
        return store.read(ctx -> {
            Map<String, BotSpec> m = new LinkedHashMap<>();
            ctx.selectFrom(BOTS).orderBy(BOTS.ID).forEach(r -> m.put(r.getId(), Rows.spec(r)));
            return m;
        });
    }

    /** The first and the last instant the books hold (snapshots, fills, closed positions); null when they are empty. */
    public long[] span() {
        return store.read(ctx -> {
            var r = ctx.select(
                    DSL.select(DSL.min(EQUITY_SNAPSHOTS.TAKEN_AT)).from(EQUITY_SNAPSHOTS).asField("e0"),
                    DSL.select(DSL.max(EQUITY_SNAPSHOTS.TAKEN_AT)).from(EQUITY_SNAPSHOTS).asField("e1"),
                    DSL.select(DSL.min(FILLS.FILLED_AT)).from(FILLS).asField("f0"),
                    DSL.select(DSL.max(FILLS.FILLED_AT)).from(FILLS).asField("f1")).fetchOne();
            Long first = min((Long) r.get(0), (Long) r.get(2));
            Long last = max((Long) r.get(1), (Long) r.get(3));
            return first == null ? null : new long[] {first, last};
        });
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
