package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.EQUITY_SNAPSHOTS;
import static dev.flotilla.engine.store.jooq.Tables.FILLS;
import static dev.flotilla.engine.store.jooq.Tables.ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;

import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Symbol;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * The reads behind the console's history views, newest first and limited, on the store's read connection
 * (committed data only). A null bot id means every bot.
 */
public final class HistoryReads {

    private final Store store;

    HistoryReads(Store store) {
        this.store = store;
    }

    /** The most recent orders of a bot (or of all bots when null), newest first. */
    public List<Order> recentOrders(String botId, int limit) {
        return store.read(ctx -> ctx.selectFrom(ORDERS)
                .where(botId == null ? DSL.noCondition() : ORDERS.BOT_ID.eq(botId))
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.CLIENT_ORDER_ID.desc()).limit(limit).fetch(Rows::order));
    }

    /**
     * The most recent fills of a bot (or of all bots when null) at or after {@code from}, newest first, each
     * with the purpose of its order.
     */
    public List<PurposedFill> recentFills(String botId, long from, int limit) {
        return store.read(ctx -> ctx.select(FILLS.fields()).select(ORDERS.PURPOSE, ORDERS.REASON).from(FILLS)
                .join(ORDERS).on(ORDERS.CLIENT_ORDER_ID.eq(FILLS.CLIENT_ORDER_ID))
                .where(botId == null ? DSL.noCondition() : FILLS.BOT_ID.eq(botId))
                .and(FILLS.FILLED_AT.ge(from))
                .orderBy(FILLS.ID.desc()).limit(limit)
                .fetch(r -> new PurposedFill(Rows.fill(r.into(FILLS)), r.get(ORDERS.PURPOSE), r.get(ORDERS.REASON))));
    }

    /** A fill with the purpose of its order (ENTRY, EXIT, STOP_LOSS, ...) and the reason the order gives. */
    public record PurposedFill(Fill fill, String purpose, String reason) {
    }

    /** The realized PnL (net of both fees) of a bot's positions closed at or after {@code from}, by exit order. */
    public Map<String, BigDecimal> pnlByExitOrder(String botId, long from) {
        return store.read(ctx -> {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            ctx.select(POSITIONS.EXIT_ORDER, POSITIONS.REALIZED_PNL).from(POSITIONS).where(POSITIONS.STATUS.eq("CLOSED"))
                    .and(POSITIONS.BOT_ID.eq(botId)).and(POSITIONS.CLOSED_AT.ge(from))
                    .forEach(r -> m.put(r.value1(), Num.dec(r.value2())));
            return m;
        });
    }

    /** The most recent closed positions of a bot (or of all bots when null), newest first. */
    public List<ClosedTrade> recentClosedTrades(String botId, int limit) {
        return store.read(ctx -> ctx.selectFrom(POSITIONS).where(POSITIONS.STATUS.eq("CLOSED"))
                .and(botId == null ? DSL.noCondition() : POSITIONS.BOT_ID.eq(botId))
                .orderBy(POSITIONS.CLOSED_AT.desc(), POSITIONS.ID.desc()).limit(limit)
                .fetch(Rows::closedTrade));
    }

    /**
     * Every equity snapshot of a bot (or of the fleet, {@code "*"}), oldest first, as the doubles a run's figures are
     * computed from: read straight from the driver, with no decimal made for each of a year's rows.
     */
    public dev.flotilla.engine.model.EquityCurve equityCurve(String botId) {
        return store.read(ctx -> {
            var query = ctx.select(EQUITY_SNAPSHOTS.TAKEN_AT, EQUITY_SNAPSHOTS.EQUITY).from(EQUITY_SNAPSHOTS)
                    .where(EQUITY_SNAPSHOTS.BOT_ID.eq(botId)).orderBy(EQUITY_SNAPSHOTS.TAKEN_AT);
            String sql = ctx.render(query);
            List<Object> binds = query.getBindValues();
            return ctx.connectionResult(c -> {
                long[] times = new long[1024];
                double[] equity = new double[1024];
                int n = 0;
                try (var st = c.prepareStatement(sql)) {
                    for (int i = 0; i < binds.size(); i++) st.setObject(i + 1, binds.get(i));
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            if (n == times.length) {
                                times = java.util.Arrays.copyOf(times, n * 2);
                                equity = java.util.Arrays.copyOf(equity, n * 2);
                            }
                            times[n] = rs.getLong(1);
                            equity[n++] = Double.parseDouble(rs.getString(2));
                        }
                    }
                }
                return new dev.flotilla.engine.model.EquityCurve(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(equity, n));
            });
        });
    }

    /** The most recent equity snapshots of a bot (or of the fleet, {@code "*"}): time to equity, oldest first. */
    public Map<Long, BigDecimal> equityHistory(String botId, int limit) {
        // rendered by jOOQ, read row by row from the driver: a backtest's year is 8,760 rows a curve, and records for
        // each cost more than the query
        return store.read(ctx -> {
            var query = ctx.select(EQUITY_SNAPSHOTS.TAKEN_AT, EQUITY_SNAPSHOTS.EQUITY).from(EQUITY_SNAPSHOTS)
                    .where(EQUITY_SNAPSHOTS.BOT_ID.eq(botId)).orderBy(EQUITY_SNAPSHOTS.TAKEN_AT.desc()).limit(limit);
            String sql = ctx.render(query);
            List<Object> binds = query.getBindValues();
            return ctx.connectionResult(c -> {
                List<Long> times = new java.util.ArrayList<>();
                List<BigDecimal> values = new java.util.ArrayList<>();
                try (var st = c.prepareStatement(sql)) {
                    for (int i = 0; i < binds.size(); i++) st.setObject(i + 1, binds.get(i));
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            times.add(rs.getLong(1));
                            values.add(Num.dec(rs.getString(2)));
                        }
                    }
                }
                Map<Long, BigDecimal> m = new LinkedHashMap<>();
                for (int i = times.size() - 1; i >= 0; i--) m.put(times.get(i), values.get(i));
                return m;
            });
        });
    }
}
