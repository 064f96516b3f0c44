package dev.flotilla.engine.boot;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.BrokerReply;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.OrderStatus;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.engine.strategy.BotStrategy;
import dev.flotilla.engine.strategy.Unavailable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the fleet from the store before any strategy runs, and settles orders a crash left PENDING by
 * asking the broker what became of them: a fill is booked, an order it never received is cancelled.
 */
public final class Boot {

    private static final Logger log = LoggerFactory.getLogger(Boot.class);

    private Boot() {
    }

    /** Where a new engine starts and where this run resumes, both engine time. */
    public record Instants(long start, long resume) {
    }

    /**
     * The engine's first instant (stored, or {@code freshStart} for a new folder) and where this run resumes: a
     * real-time engine at the later of its stored time and {@code wallNow}; a simulation from the last price-loop
     * instant before its stored time, so the marks the risk checks read are rebuilt exactly as the stopped run had them
     * (every step of that replay is idempotent: bots that ticked skip). Both are stored before anything runs.
     */
    public static Instants instants(Store store, EngineConfig config, long freshStart, long wallNow) {
        return instants(store, config, freshStart, wallNow, EngineSettings.ENGINE_TIME);
    }

    /** {@link #instants}, the engine time kept under {@code timeKey} (an engine node's own, decision 0034). */
    public static Instants instants(Store store, EngineConfig config, long freshStart, long wallNow, String timeKey) {
        Map<String, String> settings = store.settings();
        long start = settings.containsKey(EngineSettings.ENGINE_START)
                ? Long.parseLong(settings.get(EngineSettings.ENGINE_START)) : freshStart;
        long resume = settings.containsKey(timeKey) ? Long.parseLong(settings.get(timeKey)) : start;
        resume = config.simulated()
                ? Math.max(Math.floorDiv(resume, config.markIntervalMs()) * config.markIntervalMs(), start)
                : Math.max(resume, wallNow);
        long at = resume;
        store.write(tx -> {
            tx.setting(EngineSettings.ENGINE_START, Long.toString(start));
            tx.setting(timeKey, Long.toString(at));
        });
        return new Instants(start, resume);
    }

    public static Map<String, BotRuntime> load(Store store, StrategyRegistry registry) {
        return load(store, registry, id -> true);
    }

    /** The bots of the fleet that {@code runs} accepts (an engine node's, whose leases it holds), rebuilt. */
    public static Map<String, BotRuntime> load(Store store, StrategyRegistry registry, java.util.function.Predicate<String> runs) {
        Map<String, BotState> states = store.botStates();
        Map<String, Account> accounts = store.accounts();
        Map<String, Position> positions = store.openPositions();
        Map<String, BotRuntime> bots = new LinkedHashMap<>();
        for (BotSpec spec : store.bots()) {
            if (!runs.test(spec.id())) continue;
            BotState state = states.get(spec.id());
            Account account = accounts.get(spec.id());
            if (state == null || account == null) {
                throw new IllegalStateException("bot " + spec.id() + " has no stored state or account");
            }
            // a plug-in missing, refused or changed holds its bots in ERROR; the rest of the fleet trades
            BotStrategy made = BotStrategy.make(registry, spec, state);
            if (!made.state().equals(state)) store.write(tx -> tx.botState(made.state()));
            if (made.strategy() instanceof Unavailable u) log.error("bot {}: {}", spec.id(), u.cause());
            bots.put(spec.id(), new BotRuntime(spec, made.strategy(), made.state(), account, positions.get(spec.id())));
        }
        return bots;
    }

    public static void resolvePending(Store store, Broker broker, Map<String, BotRuntime> bots, long now, List<EngineEvent> events) {
        for (Order o : store.orders(OrderStatus.PENDING)) {
            BotRuntime bot = bots.get(o.botId());
            if (bot == null) continue;  // another engine node's bot: that node settles it
            Optional<Fill> fill = broker.lookup(o.clientOrderId());
            if (fill.isEmpty()) {
                store.write(tx -> tx.updateOrder(o.withStatus(OrderStatus.CANCELED, now,
                        "never reached the broker before a stop; not sent again")));
                log.warn("order {} of bot {} never reached the broker; cancelled", o.clientOrderId(), o.botId());
                continue;
            }
            var result = new OrderFlow.Result(new Intent(bot.book(), o.side(), o.qty(), o.refPrice(), o.purpose(), o.reason(),
                    o.stopPrice()), o, new BrokerReply.Filled(fill.get()));
            // the tick that sent it counts as done, with the state that tick would have committed
            BotState settled = o.tickClose() != null && (bot.state().lastClose() == null || bot.state().lastClose() < o.tickClose())
                    ? bot.book().ticked(o.tickClose(), fill.get().filledAt(), o.refPrice()) : bot.state();
            long[] id = new long[1];
            store.write(tx -> {
                id[0] = OrderFlow.commit(tx, result, fill.get().filledAt());
                tx.botState(settled);
            });
            bot.update(OrderFlow.apply(result, id[0], fill.get().filledAt(), events).withState(settled));
            log.warn("order {} of bot {} was filled before a stop; booked from the broker's record", o.clientOrderId(), o.botId());
        }
    }
}
