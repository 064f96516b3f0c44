package dev.flotilla.engine.command;

import dev.flotilla.engine.api.BotCatalog;
import dev.flotilla.engine.api.BotCheck;
import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.BotDraft;
import dev.flotilla.engine.api.BotRejectedException;
import dev.flotilla.engine.api.BotView;
import dev.flotilla.engine.api.ParamInfo;
import dev.flotilla.engine.api.StrategyInfo;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.fleet.FleetFile;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.Account;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.BotState;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, changes and removes bots while the engine runs. Each command checks its draft again on the engine
 * thread, commits the bot's rows in one transaction, and only then changes the running fleet.
 */
public final class FleetCommands implements BotCommands {

    private static final Logger log = LoggerFactory.getLogger(FleetCommands.class);

    private final Store store;
    private final StrategyRegistry registry;
    private final Broker broker;
    private final MarketData market;
    private final Fleet fleet;
    private final RiskGateway risk;
    private final EngineCalls engine;
    private final DraftCheck drafts;
    private final Set<String> takenIds = ConcurrentHashMap.newKeySet();
    private volatile boolean idsLoaded;

    public FleetCommands(Store store, StrategyRegistry registry, Broker broker, MarketData market, Fleet fleet, RiskGateway risk,
                  EngineCalls engine) {
        this.store = store;
        this.risk = risk;
        this.registry = registry;
        this.broker = broker;
        this.market = market;
        this.fleet = fleet;
        this.engine = engine;
        this.drafts = new DraftCheck(registry);
    }

    /** Starts or stops a bot on the engine thread; an unknown id fails at once, in the caller's thread. */
    public void setStatus(String botId, BotStatus status) {
        BotRuntime bot = fleet.bot(botId);
        engine.run(events -> {
            if (bot.state().status() == status) return;
            var next = bot.state().withStatus(status, null);
            store.write(tx -> tx.botState(next));
            bot.update(bot.book().withState(next));
            long now = engine.now();
            events.add(status == BotStatus.RUNNING ? new BotEvent.BotStarted(now, botId) : new BotEvent.BotStopped(now, botId));
        });
    }

    @Override
    public BotCatalog catalog() {
        List<StrategyInfo> types = registry.types().stream()
                .map(t -> new StrategyInfo(t.id(), t.displayName(), t.params().stream()
                        .map(p -> new ParamInfo(p.name(), p.description(), p.min(), p.max(), p.defaultValue(), p.integer()))
                        .toList()))
                .toList();
        List<String> timeframes = Arrays.stream(Timeframe.values()).map(Timeframe::label).toList();
        return new BotCatalog(types, symbols().stream().map(Symbol::toString).toList(), timeframes,
                FleetFile.DEFAULT_CAPITAL, FleetFile.MAX_CAPITAL);
    }

    private List<Symbol> symbols() {
        if (!market.symbols().isEmpty()) return market.symbols();
        TreeSet<Symbol> held = new TreeSet<>();
        for (BotView b : engine.snapshot().bots()) held.add(Symbol.parse(b.symbol()));
        return List.copyOf(held);
    }

    @Override
    public BotCheck check(BotDraft draft, String editing) {
        Map<String, String> p = new LinkedHashMap<>(drafts.problems(draft, symbols()));
        if (editing == null) {
            if (!p.containsKey(BotCheck.ID) && takenIds().contains(draft.id().trim())) {
                p.put(BotCheck.ID, "a bot with the id '" + draft.id().trim() + "' exists or existed; choose another");
            }
            return new BotCheck(p);
        }
        Optional<BotSpec> current = store.bot(editing);
        if (current.isEmpty()) return new BotCheck(Map.of(BotCheck.ID, "no bot '" + editing + "'"));
        p.remove(BotCheck.ID);
        if (!draft.id().trim().equals(editing)) p.put(BotCheck.ID, "a bot's id cannot change");
        BotSpec was = current.get();
        if (!canMove(editing)) {
            if (!p.containsKey(BotCheck.SYMBOL) && !Symbol.parse(draft.symbol()).equals(was.symbol())) {
                p.put(BotCheck.SYMBOL, "the bot holds a position in " + was.symbol() + "; close it before changing the symbol");
            }
            if (!p.containsKey(BotCheck.TIMEFRAME) && Timeframe.parse(draft.timeframe()) != was.timeframe()) {
                p.put(BotCheck.TIMEFRAME, "the bot holds a position; close it before changing the timeframe");
            }
        }
        if (!p.containsKey(BotCheck.CAPITAL) && !canChangeCapital(editing)
                && new BigDecimal(draft.capital().trim()).compareTo(was.capital()) != 0) {
            p.put(BotCheck.CAPITAL, "the capital is fixed once the bot has traded (it keeps its PnL honest); "
                    + "it stays " + was.capital().toPlainString() + " USDT");
        }
        return new BotCheck(p);
    }

    private Set<String> takenIds() {
        if (!idsLoaded) {
            synchronized (takenIds) {
                if (!idsLoaded) {
                    takenIds.addAll(store.allBotIds());
                    idsLoaded = true;
                }
            }
        }
        return takenIds;
    }

    @Override
    public Optional<BotDraft> draft(String botId) {
        return store.bot(botId).map(this::draftOf);
    }

    /** A bot's definition as a dialog would type it, every parameter of its strategy in the strategy's order. */
    BotDraft draftOf(BotSpec s) {
        Map<String, String> params = new LinkedHashMap<>();
        registry.type(s.strategy()).params().forEach(p -> params.put(p.name(), number(s.params().get(p.name()))));
        return new BotDraft(s.id(), s.strategy(), s.symbol().toString(), s.timeframe().label(), params,
                s.capital().stripTrailingZeros().toPlainString());
    }

    static String number(Double v) {
        if (v == null) return "";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.valueOf(v);
    }

    @Override
    public boolean canMove(String botId) {
        return engine.snapshot().bots().stream().filter(b -> b.id().equals(botId))
                .allMatch(b -> b.positionQty().signum() == 0);
    }

    @Override
    public boolean canChangeCapital(String botId) {
        BotState s = store.botStates().get(botId);
        return s != null && s.orderSeq() == 0;
    }

    @Override
    public CompletableFuture<String> create(BotDraft draft, boolean start) {
        return engine.call(() -> createNow(draft, start));
    }

    /** {@link #create}, on the engine thread: several commands then run as one step (a fleet file applied). */
    public String createNow(BotDraft draft, boolean start) {
        refuse(check(draft, null));
        BotSpec spec = drafts.spec(draft);
        long now = engine.now();
        BotState state = new BotState(spec.id(), start ? BotStatus.RUNNING : BotStatus.STOPPED, null, null, null, 0,
                spec.capital());
        Account account = new Account(spec.id(), spec.capital(), BigDecimal.ZERO, BigDecimal.ZERO);
        store.write(tx -> {
            tx.insertBot(spec, now);
            tx.botState(state);
            tx.account(account);
            tx.paperBalance(spec.id(), spec.symbol().quote(), spec.capital());
        });
        takenIds.add(spec.id());
        // the paper exchange keeps its balances in memory too; a live account is not opened per bot
        broker.allocate(spec.id(), spec.capital());
        BotRuntime bot = new BotRuntime(spec, registry.create(spec.strategy(), spec.params()), state, account, null);
        fleet.add(bot, now);
        List<EngineEvent> events = new ArrayList<>();
        risk.fresh(bot.book(), now, events);
        log.info("bot {} created: {} on {} {}, {} USDT, {}", spec.id(), spec.strategy(), spec.symbol(),
                spec.timeframe(), spec.capital().toPlainString(), start ? "running" : "stopped");
        if (start) events.add(new BotEvent.BotStarted(now, spec.id()));
        engine.publish(events);
        engine.refresh();
        return spec.id();
    }

    @Override
    public CompletableFuture<Void> edit(String botId, BotDraft draft) {
        return engine.call(() -> {
            editNow(botId, draft);
            return null;
        });
    }

    /** {@link #edit}, on the engine thread, recorded in the bot's parameter history as made in the console. */
    public void editNow(String botId, BotDraft draft) {
        editNow(botId, draft, ParamChange.CONSOLE);
    }

    /**
     * {@link #edit}, on the engine thread. What changed is stored in the bot's parameter history, as made by
     * {@code source}, in the transaction that stores the bot; a running bot decides its next candle close with it.
     */
    public void editNow(String botId, BotDraft draft, String source) {
        BotRuntime bot = fleet.bot(botId);
        refuse(check(draft, botId));
        BotSpec spec = drafts.spec(draft);
        long now = engine.now();
        ParamChange change = ParamChange.between(botId, now, ParamChange.Kind.STRATEGY, ParamHistory.definition(bot.spec()),
                ParamHistory.definition(spec), source);
        boolean capitalChanged = spec.capital().compareTo(bot.spec().capital()) != 0;
        BotState state = capitalChanged ? bot.state().withPeak(spec.capital()) : bot.state();
        Account account = capitalChanged ? new Account(botId, spec.capital(), BigDecimal.ZERO, BigDecimal.ZERO) : bot.account();
        store.write(tx -> {
            tx.updateBot(spec);
            if (change != null) tx.paramChange(change);
            if (capitalChanged) {
                // only before the first order (checked above): the bot starts over with the new amount
                tx.botState(state);
                tx.account(account);
                tx.paperBalance(botId, spec.symbol().quote(), spec.capital());
            }
        });
        if (capitalChanged) broker.allocate(botId, spec.capital());
        BotRuntime next = new BotRuntime(spec, registry.create(spec.strategy(), spec.params()), state, account, bot.position());
        if (bot.mark() != null && spec.symbol().equals(bot.spec().symbol())) next.update(next.book().withMark(bot.mark()));
        fleet.replace(next, now);
        List<EngineEvent> events = new ArrayList<>();
        // its day-open equity and peak start from the new capital
        if (capitalChanged) risk.fresh(next.book(), now, events);
        if (change != null) events.add(BotEvent.ParamsChanged.of(change));
        engine.publish(events);
        log.info("bot {} changed: {} on {} {} {}, {} USDT", botId, spec.strategy(), spec.symbol(), spec.timeframe(),
                spec.params(), spec.capital().toPlainString());
        engine.refresh();
    }

    @Override
    public CompletableFuture<Void> remove(String botId) {
        return engine.call(() -> {
            removeNow(botId);
            return null;
        });
    }

    /** {@link #remove}, on the engine thread. */
    public void removeNow(String botId) {
        BotRuntime bot = fleet.bot(botId);
        if (bot.position() != null) {
            refuse(new BotCheck(Map.of(BotCheck.ID, "bot " + botId + " holds a position in " + bot.spec().symbol()
                    + "; it can be removed once it is flat")));
        }
        store.write(tx -> tx.removeBot(botId));
        fleet.remove(botId);
        log.info("bot {} removed from the fleet", botId);
        engine.refresh();
    }

    private static void refuse(BotCheck check) {
        if (!check.ok()) throw new BotRejectedException(check);
    }
}
