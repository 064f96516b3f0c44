package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.ORDERS;
import static dev.flotilla.engine.store.jooq.Tables.POSITIONS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_EVENTS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_LIMITS;
import static dev.flotilla.engine.store.jooq.Tables.RISK_STATE;

import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.TradingState;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The risk hierarchy's tables: trading states and latches, limits and risk events. Reads see committed data;
 * writes take the {@link Tx} of a transaction the caller opened through {@link Store#write}.
 */
public final class RiskStore {

    private final Store store;

    public RiskStore(Store store) {
        this.store = store;
    }

    private <T> T read(Function<DSLContext, T> query) {
        return store.read(query);
    }

    public Map<String, RiskState> states() {
        return read(ctx -> {
            Map<String, RiskState> m = new LinkedHashMap<>();
            ctx.selectFrom(RISK_STATE).forEach(r -> m.put(r.getScope(), new RiskState(r.getScope(),
                    TradingState.valueOf(r.getState()), r.getReason(), r.getDay(), Num.dec(r.getDayOpenEquity()),
                    r.getDailyLossLatched() != 0, r.getDrawdownLatched() != 0, Num.dec(r.getPeakEquity()))));
            return m;
        });
    }

    /** Stored limits by scope, then by name. */
    public Map<String, Map<String, String>> limits() {
        return read(ctx -> {
            Map<String, Map<String, String>> m = new TreeMap<>();
            ctx.selectFrom(RISK_LIMITS).orderBy(RISK_LIMITS.SCOPE, RISK_LIMITS.NAME)
                    .forEach(r -> m.computeIfAbsent(r.getScope(), k -> new TreeMap<>()).put(r.getName(), r.getValue()));
            return m;
        });
    }

    /** The most recent risk events, newest first. */
    public List<RiskRecord> events(int limit) {
        return read(ctx -> ctx.selectFrom(RISK_EVENTS).orderBy(RISK_EVENTS.ID.desc()).limit(limit)
                .fetch(r -> new RiskRecord(r.getId(), r.getOccurredAt(), r.getBotId(), RiskRecord.Kind.valueOf(r.getKind()),
                        r.getCode(), r.getDetail(), r.getIntent(), r.getNumbers())));
    }

    /** How many events of a kind there are per code. */
    public Map<String, Long> countByCode(RiskRecord.Kind kind) {
        return read(ctx -> {
            Map<String, Long> m = new TreeMap<>();
            ctx.select(RISK_EVENTS.CODE, DSL.count()).from(RISK_EVENTS).where(RISK_EVENTS.KIND.eq(kind.name()))
                    .groupBy(RISK_EVENTS.CODE).forEach(r -> m.put(r.value1(), r.value2().longValue()));
            return m;
        });
    }

    /** Orders that reached the broker: every order except those cancelled because they never got there. */
    public long ordersSent() {
        return read(ctx -> (long) ctx.fetchCount(ORDERS, ORDERS.STATUS.ne(OrderStatus.CANCELED.name())));
    }

    /** Entries a bot has made (filled or still pending) since {@code since}, epoch ms. */
    public int entriesSince(String botId, long since) {
        return read(ctx -> ctx.fetchCount(ORDERS, ORDERS.BOT_ID.eq(botId).and(ORDERS.PURPOSE.eq("ENTRY"))
                .and(ORDERS.STATUS.in(OrderStatus.FILLED.name(), OrderStatus.PENDING.name()))
                .and(ORDERS.CREATED_AT.ge(since))));
    }

    /** Creation times of the entries a bot has made (filled or still pending) since {@code since}, oldest first. */
    public List<Long> entryTimesSince(String botId, long since) {
        return read(ctx -> ctx.select(ORDERS.CREATED_AT).from(ORDERS).where(ORDERS.BOT_ID.eq(botId))
                .and(ORDERS.PURPOSE.eq("ENTRY"))
                .and(ORDERS.STATUS.in(OrderStatus.FILLED.name(), OrderStatus.PENDING.name()))
                .and(ORDERS.CREATED_AT.ge(since))
                .orderBy(ORDERS.CREATED_AT).fetch(ORDERS.CREATED_AT));
    }

    /** Net results of a bot's most recent round trips, newest first. */
    public List<BigDecimal> recentResults(String botId, int limit) {
        return read(ctx -> ctx.select(POSITIONS.REALIZED_PNL).from(POSITIONS)
                .where(POSITIONS.BOT_ID.eq(botId)).and(POSITIONS.STATUS.eq("CLOSED"))
                .orderBy(POSITIONS.ID.desc()).limit(limit).fetch(r -> Num.dec(r.value1())));
    }

    // ---- writes, inside a caller's transaction ----

    public static void state(Tx tx, RiskState s) {
        String state = s.state().name();
        String dayOpen = Num.str(s.dayOpenEquity());
        long daily = s.dailyLossLatched() ? 1L : 0L;
        long drawdown = s.drawdownLatched() ? 1L : 0L;
        String peak = Num.str(s.peakEquity());
        tx.prepared().execute("riskState", () -> tx.dsl().insertInto(RISK_STATE, RISK_STATE.SCOPE, RISK_STATE.STATE,
                                RISK_STATE.REASON, RISK_STATE.DAY, RISK_STATE.DAY_OPEN_EQUITY, RISK_STATE.DAILY_LOSS_LATCHED,
                                RISK_STATE.DRAWDOWN_LATCHED, RISK_STATE.PEAK_EQUITY)
                        .values(s.scope(), state, s.reason(), s.day(), dayOpen, daily, drawdown, peak)
                        .onConflict(RISK_STATE.SCOPE).doUpdate()
                        .set(RISK_STATE.STATE, state)
                        .set(RISK_STATE.REASON, s.reason())
                        .set(RISK_STATE.DAY, s.day())
                        .set(RISK_STATE.DAY_OPEN_EQUITY, dayOpen)
                        .set(RISK_STATE.DAILY_LOSS_LATCHED, daily)
                        .set(RISK_STATE.DRAWDOWN_LATCHED, drawdown)
                        .set(RISK_STATE.PEAK_EQUITY, peak),
                s.scope(), state, s.reason(), s.day(), dayOpen, daily, drawdown, peak,
                state, s.reason(), s.day(), dayOpen, daily, drawdown, peak);
    }

    /** Replaces every stored limit of a scope. */
    public static void limits(Tx tx, String scope, Map<String, String> values) {
        tx.dsl().deleteFrom(RISK_LIMITS).where(RISK_LIMITS.SCOPE.eq(scope)).execute();
        for (var e : values.entrySet()) {
            tx.dsl().insertInto(RISK_LIMITS, RISK_LIMITS.SCOPE, RISK_LIMITS.NAME, RISK_LIMITS.VALUE)
                    .values(scope, e.getKey(), e.getValue()).execute();
        }
    }

    public static void event(Tx tx, RiskRecord r) {
        tx.prepared().execute("riskEvent", () -> tx.dsl().insertInto(RISK_EVENTS, RISK_EVENTS.OCCURRED_AT,
                                RISK_EVENTS.BOT_ID, RISK_EVENTS.KIND, RISK_EVENTS.CODE, RISK_EVENTS.DETAIL, RISK_EVENTS.INTENT,
                                RISK_EVENTS.NUMBERS)
                        .values(r.at(), r.botId(), r.kind().name(), r.code(), r.detail(), r.intent(), r.numbers()),
                r.at(), r.botId(), r.kind().name(), r.code(), r.detail(), r.intent(), r.numbers());
    }
}
