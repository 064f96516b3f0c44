package dev.flotilla.engine.kernel;

import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.BotRuntime;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.market.CountingMarket;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.MarketDataException;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.risk.Flattener;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreUnavailableException;
import dev.flotilla.engine.store.Tx;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: rebuilds the fleet from the store, then moves engine time from event to event (candle closes
 * of each feed, staggered; the mark-to-market loop; equity snapshots) on its one thread, committing every
 * change before it publishes events. Operator commands are queued and run on the same thread.
 */
public final class Engine implements EngineApi {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Store store;
    private final CountingMarket market;
    private final Broker broker;
    private final EngineConfig config;
    private final EventBus bus;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private volatile CountDownLatch finished = new CountDownLatch(1);
    private final Fleet fleet;
    private final TickProcessor ticks;
    private final MarkToMarket marks;
    private final Snapshots snapshots;
    private final RiskGateway risk;
    private final RiskControl riskControl;
    private final EventRunner instants;
    private final ReconciliationGate reconciliation;
    private final FleetCommands fleetCommands;
    private final Queries queries;
    private final SpeedDial speedDial;
    private SimulatedClock clock;
    private WallClock follow;
    private long engineStart;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile String storeProblem;
    private Thread thread;

    public Engine(Store store, MarketData market, Broker broker, StrategyRegistry registry, EngineConfig config,
                  String mode, EventBus bus) {
        this.store = store;
        this.market = new CountingMarket(market);
        this.broker = broker;
        this.config = config;
        this.speedDial = new SpeedDial(mode, config);
        this.bus = bus;
        OrderFlow orders = new OrderFlow(store, broker);
        this.fleet = new Fleet(store, registry, config);
        this.risk = new RiskGateway(store, fleet::bots, new FeedHistory(fleet));
        this.ticks = new TickProcessor(this.market, orders, risk, config);
        this.marks = new MarkToMarket(this.market, orders, risk);
        this.reconciliation = new ReconciliationGate(store, broker, fleet, config);
        this.snapshots = new Snapshots(mode, risk, reconciliation::haltReason);
        this.instants = new EventRunner(config, fleet, ticks, marks, new FeedRetries(), store, this.market, this::publish);
        this.riskControl = new RiskControl(this, risk, new Flattener(this.market, orders, risk, fleet::bots),
                new RiskStore(store));
        this.fleetCommands = new FleetCommands(store, registry, broker, this.market, fleet, risk, new EngineCalls(this::onEngine,
                () -> clock.now(), this::publish, () -> snapshots.refresh(clock.now(), fleet.bots(), true), snapshots::latest));
        this.queries = new Queries(store, registry, snapshots::latest);
    }

    /**
     * Loads the fleet and settles what a stop left open. {@code freshStart} is the engine time a new data folder
     * starts at; {@code wallNow} is where a real-time engine resumes.
     */
    public void boot(long freshStart, long wallNow) {
        Map<String, String> settings = store.settings();
        engineStart = settings.containsKey(EngineSettings.ENGINE_START)
                ? Long.parseLong(settings.get(EngineSettings.ENGINE_START)) : freshStart;
        long resume = settings.containsKey(EngineSettings.ENGINE_TIME)
                ? Long.parseLong(settings.get(EngineSettings.ENGINE_TIME)) : engineStart;
        if (!config.simulated()) {
            resume = Math.max(resume, wallNow);
        } else {
            // replay from the last price-loop instant: the marks the risk checks read are then rebuilt exactly as
            // the stopped run had them (every step of that replay is idempotent: bots that ticked skip)
            resume = Math.floorDiv(resume, config.markIntervalMs()) * config.markIntervalMs();
            resume = Math.max(resume, engineStart);
        }
        long start = engineStart;
        long at = resume;
        store.write(tx -> {
            tx.setting(EngineSettings.ENGINE_START, Long.toString(start));
            tx.setting(EngineSettings.ENGINE_TIME, Long.toString(at));
        });
        clock = new SimulatedClock(resume);
        List<EngineEvent> events = new ArrayList<>();
        fleet.load(broker, resume, events);
        risk.boot(resume, events);
        reconciliation.check(resume, events);
        publish(events);
        snapshots.refresh(resume, fleet.bots(), true);
        log.info("engine ready: {} bots on {} feeds, {}, engine time {}", fleet.bots().size(), fleet.feeds().size(),
                snapshots.latest().mode(), java.time.Instant.ofEpochMilli(resume));
    }

    /**
     * Makes a real-time engine (speed 1) follow this clock instead of the computer's: engine time is then the
     * exchange's time, so candle closes are the exchange's closes. Call before {@link #start}.
     */
    public void follow(WallClock clock) {
        this.follow = clock;
    }

    /** Measures every feed's tick from now on (benchmarks); {@link TickTimer#NONE} stops it. */
    public void timeTicks(TickTimer timer) {
        instants.timeTicks(timer);
    }

    /** Starts the engine thread; it runs until {@code endTime} (engine time, exclusive) or until shut down. */
    public void start(Long endTime) {
        if (isRunning()) throw new IllegalStateException("the engine is already running");
        stopping = false;
        CountDownLatch done = new CountDownLatch(1);
        finished = done;
        thread = Thread.ofPlatform().name("engine").start(() -> {
            try {
                loop(endTime);
            } catch (Throwable t) {
                failure = t;
                log.error("the engine stopped on an error", t);
            } finally {
                snapshots.refresh(clock.now(), fleet.bots(), true);
                synchronized (this) {
                    done.countDown();
                    drainCommands();  // queued before the end: run them rather than leave their callers waiting
                }
            }
        });
    }

    private void loop(Long endTime) throws InterruptedException {
        Pacer pacer = follow != null && !config.simulated() ? Pacer.following(follow, commands)
                : speedDial.pacer(commands, clock.now());
        long cursor = clock.now();
        while (!stopping) {
            drainCommands();
            long t = instants.nextEventTime(cursor);
            if (endTime != null && t >= endTime) {
                clock.advanceTo(Math.max(clock.now(), endTime));
                commitTime(endTime);
                log.info("engine reached its end time {}", java.time.Instant.ofEpochMilli(endTime));
                return;
            }
            if (!pacer.awaitEngineTime(t, () -> stopping)) break;
            clock.advanceTo(t);
            try {
                instants.runEventsAt(t, reconciliation.haltReason() == null);
                cursor = t + 1;
            } catch (StoreUnavailableException e) {
                // nothing of the failed step was committed or applied; wait for the store, then replay this instant
                if (!StorePause.waitForStore(store, e, () -> stopping, problem -> storeProblem = problem)) break;
                List<EngineEvent> settled = new ArrayList<>();
                Boot.resolvePending(store, broker, fleet.botMap(), t, settled);
                publish(settled);
            }
            snapshots.refresh(t, fleet.bots(), false);
        }
        drainCommands();
        commitTime(clock.now());
    }

    private void commitTime(long t) {
        store.write(tx -> tx.setting(EngineSettings.ENGINE_TIME, Long.toString(t)));
    }

    private void publish(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            EventLog.write(e);
            bus.publish(e);
        }
    }

    private void drainCommands() {
        Runnable r;
        while ((r = commands.poll()) != null) r.run();
    }

    /** Asks the engine to stop after the event it is processing; waits until it has. */
    public void shutdown() throws InterruptedException {
        stopping = true;
        if (thread != null) thread.join();
    }

    /** Waits until the engine has stopped (end time reached, shut down or failed). */
    public void awaitTermination() throws InterruptedException {
        finished.await();
    }

    public boolean isRunning() {
        return finished.getCount() > 0 && thread != null;
    }

    /** The error that stopped the engine, or null. */
    public Throwable failure() {
        return failure;
    }

    public long engineStart() {
        return engineStart;
    }

    public EngineClock clock() {
        return clock;
    }

    public CountingMarket market() {
        return market;
    }

    public List<Feed> feeds() {
        return fleet.feeds().stream().map(FeedBook::feed).toList();
    }

    @Override
    public MarketStatus marketStatus() {
        return market.status();
    }

    /** The differences found between the ledger and the broker at start; empty when the books agree. */
    @Override
    public List<String> reconciliationDifferences() {
        return reconciliation.differences();
    }

    /** Why the engine is not trading (a reconciliation halt), or null. */
    @Override
    public String haltReason() {
        return reconciliation.haltReason();
    }

    /** A problem with the store that has paused the bots (disk full, read-only folder), or null. */
    @Override
    public String storeProblem() {
        return storeProblem;
    }

    /** The operator's decision after a reconciliation mismatch: set the ledger to the broker's view and trade on. */
    @Override
    public void acceptBrokerView() {
        onEngine(() -> {
            reconciliation.acceptBrokerView(clock.now());
            snapshots.refresh(clock.now(), fleet.bots(), true);
        });
    }

    @Override
    public FleetSnapshot snapshot() {
        return snapshots.latest();
    }

    @Override
    public EventBus events() {
        return bus;
    }

    @Override
    public void startBot(String botId) {
        command(botId, BotStatus.RUNNING);
    }

    @Override
    public void stopBot(String botId) {
        command(botId, BotStatus.STOPPED);
    }

    @Override
    public BotCommands bots() {
        return fleetCommands;
    }

    @Override
    public EngineReads reads() {
        return queries;
    }

    @Override
    public double speed() {
        return speedDial.speed();
    }

    @Override
    public boolean speedAdjustable() {
        return speedDial.adjustable();
    }

    @Override
    public void setSpeed(double s) {
        speedDial.check(s);
        onEngine(() -> {
            snapshots.mode(speedDial.set(s, clock.now()));
            snapshots.refresh(clock.now(), fleet.bots(), true);
        });
    }

    /** Queues work for the engine thread, or runs it at once when the engine is not running. */
    private synchronized void onEngine(Runnable r) {
        if (isRunning()) commands.add(r);
        else r.run();
    }

    @Override
    public RiskApi risk() {
        return riskControl;
    }

    BotRuntime bot(String botId) {
        return fleet.bot(botId);
    }

    /**
     * Runs an operator command on the engine thread (at once when the engine is not running), then publishes
     * the events it collected and refreshes the snapshot. A failing command is logged; the engine carries on.
     */
    void onEngineThread(Consumer<List<EngineEvent>> work) {
        Runnable r = () -> {
            List<EngineEvent> events = new ArrayList<>();
            try {
                work.accept(events);
            } catch (RuntimeException e) {
                log.error("an operator command failed", e);
            }
            publish(events);
            snapshots.refresh(clock.now(), fleet.bots(), true);
        };
        onEngine(r);
    }

    private void command(String botId, BotStatus status) {
        BotRuntime bot = fleet.bot(botId);  // unknown ids fail here, in the caller's thread
        onEngineThread(events -> {
            if (bot.state().status() == status) return;
            var next = bot.state().withStatus(status, null);
            store.write(tx -> tx.botState(next));
            bot.state(next);
            long now = clock.now();
            events.add(status == BotStatus.RUNNING ? new BotEvent.BotStarted(now, botId) : new BotEvent.BotStopped(now, botId));
        });
    }
}
