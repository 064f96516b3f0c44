package dev.flotilla.engine.risk;

import static dev.flotilla.engine.model.RiskState.FLEET;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.TradingState;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.Tx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The risk state of every bot and of the fleet, the kill switch and the limits, as the store holds them. Every
 * change goes through {@link Changes}: the trading states are derived again from the latches, the rows, risk
 * events and any other writes are committed in one transaction, and only then do memory and events follow.
 */
final class RiskBook {

    /** The settings key of the kill switch: "on" or "off". */
    static final String KILL_SWITCH = "risk.kill_switch";

    private final Store store;
    private final RiskStore records;
    private final Map<String, RiskState> states = new HashMap<>();
    private final Map<String, BotLimits> botLimits = new HashMap<>();
    private PortfolioLimits portfolio = PortfolioLimits.DEFAULTS;
    private boolean killSwitch;

    RiskBook(Store store, RiskStore records) {
        this.store = store;
        this.records = records;
    }

    /** Reads everything from the store and creates the rows of bots (and the fleet) that have none yet. */
    void load(Collection<BotBook> bots, long now, List<EngineEvent> events) {
        states.clear();
        states.putAll(records.states());
        botLimits.clear();
        portfolio = PortfolioLimits.DEFAULTS;
        records.limits().forEach((scope, values) -> {
            if (FLEET.equals(scope)) portfolio = PortfolioLimits.DEFAULTS.with(values);
            else botLimits.put(scope, BotLimits.DEFAULTS.with(values));
        });
        killSwitch = "on".equals(store.setting(KILL_SWITCH).orElse("off"));
        long day = Math.floorDiv(now, TradeCounters.DAY);
        Changes c = begin(now, "start");
        BigDecimal total = BigDecimal.ZERO;
        for (BotBook b : bots) {
            total = total.add(b.equity());
            if (!states.containsKey(b.id())) c.put(new RiskState(b.id(), TradingState.ACTIVE, null, day, b.equity(), false, false, null));
        }
        c.put(states.containsKey(FLEET) ? states.get(FLEET)
                : new RiskState(FLEET, TradingState.ACTIVE, null, day, total, false, false, total));
        commit(c, events);
    }

    /**
     * Gives a bot added while the engine runs (or one that starts over with a new capital before it traded) a
     * fresh row, as {@link #load} gives the bots it finds without one.
     */
    void fresh(BotBook b, long now, List<EngineEvent> events) {
        Changes c = begin(now, "bot " + b.id() + " set up");
        c.put(new RiskState(b.id(), TradingState.ACTIVE, null, Math.floorDiv(now, TradeCounters.DAY), b.equity(), false,
                false, null));
        commit(c, events);
    }

    RiskState bot(String id) {
        RiskState s = states.get(id);
        if (s == null) throw new IllegalArgumentException("no risk state for bot '" + id + "'");
        return s;
    }

    RiskState fleet() {
        return states.get(FLEET);
    }

    boolean killSwitch() {
        return killSwitch;
    }

    BotLimits limits(String botId) {
        return botLimits.getOrDefault(botId, BotLimits.DEFAULTS);
    }

    PortfolioLimits portfolio() {
        return portfolio;
    }

    /** @param also more writes of the same transaction (the record of the change) */
    void setLimits(String botId, BotLimits limits, Consumer<Tx> also) {
        store.write(tx -> {
            RiskStore.limits(tx, botId, limits.values());
            also.accept(tx);
        });
        botLimits.put(botId, limits);
    }

    void setPortfolio(PortfolioLimits limits) {
        store.write(tx -> RiskStore.limits(tx, FLEET, limits.values()));
        portfolio = limits;
    }

    void setKillSwitch(boolean on, String how, long now, List<EngineEvent> events) {
        Changes c = begin(now, how);
        c.killSwitch = on;
        c.also(tx -> tx.setting(KILL_SWITCH, on ? "on" : "off"), () -> killSwitch = on);
        c.put(fleet());
        commit(c, events);
    }

    Changes begin(long now, String cause) {
        return new Changes(now, cause);
    }

    void commit(Changes c, List<EngineEvent> events) {
        boolean kill = c.killSwitch != null ? c.killSwitch : killSwitch;
        for (String scope : List.copyOf(c.rows.keySet())) {
            RiskState before = states.get(scope);
            RiskState after = derive(c.rows.get(scope), kill);
            c.rows.put(scope, after);
            if (before != null && before.state() != after.state()) {
                String who = after.fleet() ? null : scope;
                String why = (after.reason() != null ? after.reason() : "no breaker holds it") + " (" + c.cause + ")";
                c.records.add(new RiskRecord(0, c.now, who, RiskRecord.Kind.STATE, after.state().name(),
                        before.state() + " -> " + after.state() + ": " + why, null, null));
                c.events.add(new RiskEvent.TradingStateChanged(c.now, who, before.state().name(), after.state().name(), why));
            }
        }
        c.rows.entrySet().removeIf(e -> e.getValue().equals(states.get(e.getKey())));
        if (c.rows.isEmpty() && c.records.isEmpty() && c.writes.isEmpty()) return;
        store.write(tx -> {
            c.rows.values().forEach(s -> RiskStore.state(tx, s));
            c.records.forEach(r -> RiskStore.event(tx, r));
            c.writes.forEach(w -> w.accept(tx));
        });
        states.putAll(c.rows);
        c.applied.forEach(Runnable::run);
        events.addAll(c.events);
    }

    /** The trading state the latches (and for the fleet the kill switch) call for. */
    static RiskState derive(RiskState s, boolean killSwitch) {
        if (s.fleet()) {
            if (killSwitch) return s.withState(TradingState.HALTED, "kill switch on");
            if (s.drawdownLatched()) return s.withState(TradingState.REDUCING, "portfolio drawdown breaker; an operator resets it");
            if (s.dailyLossLatched()) return s.withState(TradingState.REDUCING, "fleet daily-loss breaker; lifts at 00:00 UTC");
        } else {
            if (s.drawdownLatched()) return s.withState(TradingState.HALTED, "drawdown breaker; an operator resets it");
            if (s.dailyLossLatched()) return s.withState(TradingState.REDUCING, "daily loss limit; lifts at 00:00 UTC");
        }
        return s.withState(TradingState.ACTIVE, null);
    }

    /** Pending changes of one moment, committed together by {@link #commit}. */
    final class Changes {
        final long now;
        final String cause;
        private final Map<String, RiskState> rows = new LinkedHashMap<>();
        private final List<RiskRecord> records = new ArrayList<>();
        private final List<EngineEvent> events = new ArrayList<>();
        private final List<Consumer<Tx>> writes = new ArrayList<>();
        private final List<Runnable> applied = new ArrayList<>();
        private Boolean killSwitch;

        private Changes(long now, String cause) {
            this.now = now;
            this.cause = cause;
        }

        /** The row as it will be once these changes are committed. */
        RiskState current(String scope) {
            RiskState s = rows.get(scope);
            return s != null ? s : states.get(scope);
        }

        void put(RiskState s) {
            rows.put(s.scope(), s);
        }

        void breaker(String botId, ReasonCode code, String detail, String numbers) {
            records.add(new RiskRecord(0, now, botId, RiskRecord.Kind.BREAKER, code.name(), detail, null, numbers));
            events.add(new RiskEvent.CircuitBreakerFired(now, botId, code.name(), detail));
        }

        /** Another write for the same transaction, and what memory does once it is committed. */
        void also(Consumer<Tx> write, Runnable apply) {
            writes.add(write);
            applied.add(apply);
        }
    }
}
