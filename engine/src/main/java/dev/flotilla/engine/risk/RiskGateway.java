package dev.flotilla.engine.risk;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.model.BotBook;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.TradingState;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every order passes. Its methods are synchronized, so decisions are taken one at a time whatever
 * thread asks: an approved entry counts as exposure at once (until it settles), and the next decision sees it.
 * Refusals are committed before the caller publishes their events. Entries may leave smaller than they came in
 * (the consecutive-loss cooldown and the correlation sizer); nothing else is ever changed but the stop, which is
 * tightened to the bot's stop-loss limit.
 */
public final class RiskGateway {

    /** Purpose of the operator's "halt and flatten" orders, the only orders a HALTED fleet sends. */
    public static final String FLATTEN = Intent.FLATTEN;

    private static final Logger log = LoggerFactory.getLogger(RiskGateway.class);

    private final Store store;
    private final Supplier<? extends Collection<BotBook>> bots;
    private final RiskBook book;
    private final Breakers breakers;
    private final PriceBook prices = new PriceBook();
    private final TradeCounters counters;
    private final List<RiskCheck> checks;
    private final CorrelationSizer correlation;
    private final EntrySizing sizing;
    private final Map<String, Intent> opening = new HashMap<>();
    private final Set<String> noted = new HashSet<>();
    private volatile RiskStatus status = RiskStatus.NONE;

    /**
     * @param bots    every bot of the fleet (the portfolio limits are shares of their aggregate capital)
     * @param history the candles the engine holds, for the correlation sizer
     */
    public RiskGateway(Store store, Supplier<? extends Collection<BotBook>> bots, PriceHistory history) {
        this(store, bots, history, EntrySizing.DEFAULTS, RiskChecks.ALL);
    }

    /**
     * @param sizing how big an entry is before the checks
     * @param checks the checks every intent passes, in order
     */
    public RiskGateway(Store store, Supplier<? extends Collection<BotBook>> bots, PriceHistory history,
                       EntrySizing sizing, List<RiskCheck> checks) {
        this.store = store;
        this.sizing = sizing;
        this.checks = List.copyOf(checks);
        this.bots = bots;
        RiskStore records = new RiskStore(store);
        this.book = new RiskBook(store, records);
        this.breakers = new Breakers(book);
        this.counters = new TradeCounters(records);
        this.correlation = new CorrelationSizer(history);
    }

    /** Loads states, latches, limits and the kill switch from the store; bots new to it get their rows. */
    public synchronized void boot(long now, List<EngineEvent> events) {
        book.load(bots.get(), now, events);
        opening.clear();
        counters.forgetAll();
    }

    /** A bot added while the engine runs, or one whose capital changed before it traded: a fresh risk row. */
    public synchronized void fresh(BotBook bot, long now, List<EngineEvent> events) {
        book.fresh(bot, now, events);
    }

    /**
     * Decides a batch of intents in order. Returns a review of each; refusals are stored, and their RISK_REJECTED
     * events are added to {@code events} for the caller to publish after its own commit.
     */
    public synchronized List<Review> review(List<Intent> intents, long now, List<EngineEvent> events) {
        if (intents.isEmpty()) return List.of();
        Collection<BotBook> all = bots.get();
        breakers.rollover(all, now, events);
        Exposure x = null;
        List<Review> reviews = new ArrayList<>();
        Map<String, Intent> entries = new LinkedHashMap<>();
        List<RiskRecord> refused = new ArrayList<>();
        for (Intent in : intents) {
            boolean entry = in.entry();
            if (entry && x == null) x = Exposure.of(all, opening, prices);
            String id = in.botId();
            Review r = decide(in, entry ? x : null, opening.containsKey(id) || entries.containsKey(id), now);
            reviews.add(r);
            if (r.passed()) {
                if (entry) {
                    entries.put(id, r.approved());
                    x.add(in.symbol(), prices.value(r.approved()));
                }
            } else if (entry || firstRefusal(in, r)) {
                refused.add(new RiskRecord(0, now, id, RiskRecord.Kind.REJECTED, r.code().name(), r.detail(),
                        describe(in), r.numbers()));
            }
        }
        if (!refused.isEmpty()) {
            store.write(tx -> refused.forEach(r -> RiskStore.event(tx, r)));
            for (RiskRecord r : refused) events.add(new RiskEvent.RiskRejected(now, r.botId(), r.code(), r.detail()));
        }
        opening.putAll(entries);  // only once the refusals are stored: a failed write leaves nothing reserved
        return reviews;
    }

    /** Runs the registered checks that apply; the first refusal decides, sizers and stops change the intent. */
    private Review decide(Intent in, Exposure x, boolean opening, long now) {
        if (!in.entry() && FLATTEN.equals(in.purpose())) return Review.approve(in, in);  // the operator's own order
        Subject s = new Subject(in, book, counters, correlation, x, prices.last(in.symbol()), opening, now);
        for (RiskCheck check : checks) {
            if (!in.entry() && check.scope() == RiskCheck.Scope.ENTRIES) continue;
            Verdict v = check.check(s);
            if (v == null) continue;
            if (v.refused()) return Review.refuse(in, v);
            s.apply(v);
        }
        if (!in.entry()) return Review.approve(in, s.intent());
        String inputs = s.sizingInputs();
        log.debug("bot {}: entry sized {}", in.botId(), inputs);
        return Review.approve(in, s.intent().withSizing(inputs));
    }

    /**
     * An exit that keeps being refused for the same reason (a stop below the price every 10 s while HALTED) is
     * recorded once per position, not every time it is asked again.
     */
    private boolean firstRefusal(Intent in, Review r) {
        Position p = in.bot().position();
        return noted.add((p == null ? in.botId() : Long.toString(p.id())) + "|" + in.purpose() + "|" + r.code());
    }

    public static String describe(Intent in) {
        return in.side() + " " + in.qty().toPlainString() + " " + in.symbol() + " @ "
                + in.refPrice().toPlainString() + " (" + in.purpose() + ")";
    }

    /**
     * The approved orders have been sent and their results committed (they are positions now, or nothing), or
     * sending failed and the caller will decide again: either way they no longer count as on their way.
     */
    public synchronized void settled(List<Intent> sent) {
        settled(sent, null);
    }

    /**
     * As {@link #settled(List)}, with the results the order flow committed for them ({@code sent} in order), or null
     * when it did not get that far: the trade counters follow committed results, and are read again otherwise.
     */
    public synchronized void settled(List<Intent> sent, List<OrderFlow.Result> committed) {
        for (Intent in : sent) {
            if (in.entry()) opening.remove(in.botId());
            if (committed == null) counters.forget(in.botId());
        }
        if (committed != null) committed.forEach(counters::settled);
    }

    /**
     * Orders and positions changed outside the order flow (pending orders settled after a store pause, the broker's
     * view accepted): the trade counters are read from the store again.
     */
    public synchronized void booksChanged() {
        counters.forgetAll();
    }

    /** The last trade prices just fetched; the collar and the exposure use them from the next decision. */
    public synchronized void observe(Map<Symbol, BigDecimal> last) {
        prices.observe(last);
    }

    /** The breakers and the UTC day, at a mark (after prices are fetched and the bots marked). */
    public synchronized void evaluate(long now, List<EngineEvent> events) {
        breakers.evaluate(bots.get(), now, events);
    }

    public synchronized BotLimits limits(String botId) {
        return book.limits(botId);
    }

    public synchronized PortfolioLimits portfolioLimits() {
        return book.portfolio();
    }

    /**
     * The size of an entry the bot asks for at {@code price}, before the checks: a share of its cash kept below the
     * largest entry value its limits let through. Zero when its cash is too small for one lot.
     */
    public synchronized BigDecimal entryQty(BotBook bot, BigDecimal price) {
        BigDecimal cap = book.limits(bot.id()).maxPosition().multiply(bot.capital()).min(book.portfolio().maxOrderValue());
        return sizing.qty(bot.account().cash(), price, cap);
    }

    /** The first stop of an entry at {@code price}; {@code wanted} is the strategy's own level, NaN for none. */
    public synchronized BigDecimal entryStop(String botId, BigDecimal price, double wanted) {
        return ExitRules.entryStop(price, wanted, book.limits(botId));
    }

    public synchronized TradingState fleetState() {
        return book.fleet().state();
    }

    public synchronized TradingState botState(String botId) {
        return book.bot(botId).state();
    }

    public synchronized boolean killSwitch() {
        return book.killSwitch();
    }

    // ---- the operator's commands ----

    /**
     * Stores the changed limits of a bot with the record of the change (in the same transaction); they apply from its
     * next decision. Returns the record, or null when no limit changed (nothing is stored). Invalid values change nothing.
     *
     * @param source who changed them, for the record ({@link ParamChange#CONSOLE}, {@link ParamChange#UNDO} ...)
     */
    public synchronized ParamChange setBotLimits(String botId, Map<String, String> changes, long now, String source) {
        BotLimits before = book.limits(botId);
        BotLimits next = before.with(changes);
        ParamChange change = ParamChange.between(botId, now, ParamChange.Kind.LIMITS, before.values(), next.values(), source);
        if (change != null) book.setLimits(botId, next, tx -> tx.paramChange(change));
        return change;
    }

    public synchronized PortfolioLimits setPortfolioLimits(Map<String, String> changes) {
        PortfolioLimits next = book.portfolio().with(changes);
        book.setPortfolio(next);
        return next;
    }

    /** @param how what the operator chose, for the record: "halt", "halt and flatten", "command line" ... */
    public synchronized void killSwitch(boolean on, String how, long now, List<EngineEvent> events) {
        book.setKillSwitch(on, how, now, events);
    }

    /** Lifts the bot's drawdown latch; returns its state with the peak started again from its equity, or null. */
    public synchronized dev.flotilla.engine.model.BotState resetBreaker(BotBook bot, long now, List<EngineEvent> events) {
        return breakers.reset(bot, now, events);
    }

    public synchronized boolean resetPortfolioBreaker(long now, List<EngineEvent> events) {
        return breakers.resetPortfolio(bots.get(), now, events);
    }

    /** Rebuilds the risk picture at engine time {@code now}; the engine thread calls it with each fleet snapshot. */
    public synchronized RiskStatus refreshStatus(long now) {
        RiskState f = book.fleet();
        if (f == null) return status;
        Collection<BotBook> all = bots.get();
        Exposure x = Exposure.of(all, opening, prices);
        Map<String, RiskStatus.BotRisk> byBot = new LinkedHashMap<>();
        for (BotBook b : all) {
            RiskState s = book.bot(b.id());
            TradeCounters.Counts n = counters.of(b.id(), now);
            byBot.put(b.id(), new RiskStatus.BotRisk(s.state(), s.reason(), n.tradesToday(), n.lossesInARow(),
                    Cooldown.factor(n.lossesInARow(), book.limits(b.id()).cooldownAfter())));
        }
        status = new RiskStatus(f.state(), f.reason(), book.killSwitch(), x.capital(), x.equity(), x.total(),
                new java.util.TreeMap<>(x.bySymbol()), f.peakEquity(), f.dayOpenEquity(), book.portfolio(),
                java.util.Collections.unmodifiableMap(byBot));
        return status;
    }

    /** The latest risk picture, safe to read from any thread. */
    public RiskStatus status() {
        return status;
    }
}
