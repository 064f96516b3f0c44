package dev.flotilla.engine.risk;

import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.RiskEvent;
import dev.flotilla.engine.execution.Intent;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.model.RiskRecord;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Side;
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

/**
 * The one gate every order passes. Its methods are synchronized, so decisions are taken one at a time whatever
 * thread asks: an approved entry counts as exposure at once (until it settles), and the next decision sees it.
 * Refusals are committed before the caller publishes their events. Entries may leave smaller than they came in
 * (the consecutive-loss cooldown and the correlation sizer); nothing else is ever changed but the stop, which is
 * tightened to the bot's stop-loss limit.
 */
public final class RiskGateway {

    /** Purpose of the operator's "halt and flatten" orders, the only orders a HALTED fleet sends. */
    public static final String FLATTEN = "FLATTEN";

    private final Store store;
    private final Supplier<? extends Collection<BotRuntime>> bots;
    private final RiskBook book;
    private final Breakers breakers;
    private final PriceBook prices = new PriceBook();
    private final TradeCounters counters;
    private final Checks checks;
    private final Map<String, Intent> opening = new HashMap<>();
    private final Set<String> noted = new HashSet<>();
    private volatile RiskStatus status = RiskStatus.NONE;

    /**
     * @param bots    every bot of the fleet (the portfolio limits are shares of their aggregate capital)
     * @param history the candles the engine holds, for the correlation sizer
     */
    public RiskGateway(Store store, Supplier<? extends Collection<BotRuntime>> bots, PriceHistory history) {
        this.store = store;
        this.bots = bots;
        RiskStore records = new RiskStore(store);
        this.book = new RiskBook(store, records);
        this.breakers = new Breakers(book);
        this.counters = new TradeCounters(records);
        this.checks = new Checks(book, prices, counters, new CorrelationSizer(history));
    }

    /** Loads states, latches, limits and the kill switch from the store; bots new to it get their rows. */
    public synchronized void boot(long now, List<EngineEvent> events) {
        book.load(bots.get(), now, events);
        opening.clear();
    }

    /** A bot added while the engine runs, or one whose capital changed before it traded: a fresh risk row. */
    public synchronized void fresh(BotRuntime bot, long now, List<EngineEvent> events) {
        book.fresh(bot, now, events);
    }

    /**
     * Decides a batch of intents in order. Returns the orders to send; refusals are stored, and their
     * RISK_REJECTED events are added to {@code events} for the caller to publish after its own commit.
     */
    public synchronized List<Intent> review(List<Intent> intents, long now, List<EngineEvent> events) {
        if (intents.isEmpty()) return List.of();
        Collection<BotRuntime> all = bots.get();
        breakers.rollover(all, now, events);
        Exposure x = null;
        List<Intent> approved = new ArrayList<>();
        Map<String, Intent> entries = new LinkedHashMap<>();
        List<RiskRecord> refused = new ArrayList<>();
        for (Intent in : intents) {
            boolean entry = in.side() == Side.BUY;
            if (entry && x == null) x = Exposure.of(all, opening, prices);
            String id = in.bot().id();
            Verdict v = entry ? checks.entry(in, x, opening.containsKey(id) || entries.containsKey(id), now) : checks.exit(in);
            if (v.passed()) {
                Intent out = v.approved();
                approved.add(out);
                if (entry) {
                    entries.put(id, out);
                    x.add(out.bot().spec().symbol(), out.qty().multiply(out.refPrice()));
                }
            } else if (entry || firstRefusal(in, v)) {
                refused.add(new RiskRecord(0, now, in.bot().id(), RiskRecord.Kind.REJECTED, v.code().name(), v.detail(),
                        describe(in), v.numbers()));
            }
        }
        if (!refused.isEmpty()) {
            store.write(tx -> refused.forEach(r -> RiskStore.event(tx, r)));
            for (RiskRecord r : refused) events.add(new RiskEvent.RiskRejected(now, r.botId(), r.code(), r.detail()));
        }
        opening.putAll(entries);  // only once the refusals are stored: a failed write leaves nothing reserved
        return approved;
    }

    /**
     * An exit that keeps being refused for the same reason (a stop below the price every 10 s while HALTED) is
     * recorded once per position, not every time it is asked again.
     */
    private boolean firstRefusal(Intent in, Verdict v) {
        Position p = in.bot().position();
        return noted.add((p == null ? in.bot().id() : Long.toString(p.id())) + "|" + in.purpose() + "|" + v.code());
    }

    static String describe(Intent in) {
        return in.side() + " " + in.qty().toPlainString() + " " + in.bot().spec().symbol() + " @ "
                + in.refPrice().toPlainString() + " (" + in.purpose() + ")";
    }

    /**
     * The approved orders have been sent and their results committed (they are positions now, or nothing), or
     * sending failed and the caller will decide again: either way they no longer count as on their way.
     */
    public synchronized void settled(List<Intent> sent) {
        for (Intent in : sent) {
            if (in.side() == Side.BUY) opening.remove(in.bot().id());
            counters.forget(in.bot().id());
        }
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

    /** The largest entry value the bot's limits let through: its sizing stays below this. */
    public synchronized BigDecimal entryCap(BotRuntime bot) {
        return book.limits(bot.id()).maxPosition().multiply(bot.spec().capital()).min(book.portfolio().maxOrderValue());
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

    /** Stores the changed limits of a bot; they apply from its next decision. Invalid values change nothing. */
    public synchronized BotLimits setBotLimits(String botId, Map<String, String> changes) {
        BotLimits next = book.limits(botId).with(changes);
        book.setLimits(botId, next);
        return next;
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

    public synchronized boolean resetBreaker(BotRuntime bot, long now, List<EngineEvent> events) {
        return breakers.reset(bot, now, events);
    }

    public synchronized boolean resetPortfolioBreaker(long now, List<EngineEvent> events) {
        return breakers.resetPortfolio(bots.get(), now, events);
    }

    /** Rebuilds the risk picture at engine time {@code now}; the engine thread calls it with each fleet snapshot. */
    public synchronized RiskStatus refreshStatus(long now) {
        RiskState f = book.fleet();
        if (f == null) return status;
        Collection<BotRuntime> all = bots.get();
        Exposure x = Exposure.of(all, opening, prices);
        Map<String, RiskStatus.BotRisk> byBot = new LinkedHashMap<>();
        for (BotRuntime b : all) {
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
