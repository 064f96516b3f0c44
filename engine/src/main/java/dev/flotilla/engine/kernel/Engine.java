package dev.flotilla.engine.kernel;

import dev.flotilla.engine.ai.AiControl;
import dev.flotilla.engine.api.BotCommands;
import dev.flotilla.engine.api.EngineApi;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.FleetImport;
import dev.flotilla.engine.api.FleetSnapshot;
import dev.flotilla.engine.api.MarketStatus;
import dev.flotilla.engine.api.ParamsApi;
import dev.flotilla.engine.api.RiskApi;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.boot.Boot;
import dev.flotilla.engine.boot.ReconciliationGate;
import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.clock.Pacer;
import dev.flotilla.engine.clock.SimulatedClock;
import dev.flotilla.engine.clock.SpeedDial;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.command.Commands;
import dev.flotilla.engine.command.PluginControl;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.NodeScope;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.execution.OrderFlow;
import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.loop.EngineLoop;
import dev.flotilla.engine.loop.EngineThread;
import dev.flotilla.engine.loop.EventLog;
import dev.flotilla.engine.loop.EventRunner;
import dev.flotilla.engine.loop.FeedHistory;
import dev.flotilla.engine.loop.FeedRetries;
import dev.flotilla.engine.loop.MarkToMarket;
import dev.flotilla.engine.loop.Pipeline;
import dev.flotilla.engine.loop.Snapshots;
import dev.flotilla.engine.loop.TickProcessor;
import dev.flotilla.engine.loop.TickTimer;
import dev.flotilla.engine.market.CountingMarket;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.query.Queries;
import dev.flotilla.engine.query.Reports;
import dev.flotilla.engine.risk.EntrySizing;
import dev.flotilla.engine.risk.RiskChecks;
import dev.flotilla.engine.risk.RiskGateway;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: rebuilds the fleet from the store, then moves engine time from event to event (candle closes of
 * each feed, staggered unless the market paces its own requests; the mark-to-market loop; equity snapshots) on its
 * one thread, committing every change before it publishes events. Operator commands are queued and run on the same thread.
 */
public final class Engine implements EngineApi {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Store store;
    private final CountingMarket market;
    private final EngineConfig config;
    private final EventBus bus;
    private final EngineThread thread = new EngineThread();
    private final Fleet fleet;
    private final Snapshots snapshots;
    private final RiskGateway risk;
    private final EventRunner instants;
    private final ReconciliationGate reconciliation;
    private final Queries queries;
    private final ReportsApi reports;
    private final Commands commands;
    private final SpeedDial speedDial;
    private SimulatedClock clock;
    private WallClock follow;
    private long engineStart;
    private volatile String storeProblem;
    private final Settling settling;
    private final StrategyRegistry registry;
    private volatile EventLog eventLog = EventLog.LIVE;
    private final AiControl ai;
    private NodeScope scope = NodeScope.WHOLE_FLEET;

    public Engine(Store store, MarketData market, Broker broker, StrategyRegistry registry, EngineConfig config,
                  String mode, EventBus bus) {
        this.store = store;
        this.market = new CountingMarket(market);
        this.config = config = market.pacesRequests() ? config.withStagger(0) : config;
        this.speedDial = new SpeedDial(mode, config);
        this.bus = bus;
        OrderFlow orders = new OrderFlow(store, broker);
        this.registry = registry;
        this.fleet = new Fleet(store, config);
        FeedHistory history = new FeedHistory(fleet);
        this.risk = new RiskGateway(store, fleet::books, history,
                new EntrySizing(config.positionFraction(), config.feeRate(), config.slippageBps()), RiskChecks.ALL);
        this.ai = new AiControl(store, fleet, risk, history);
        Pipeline pipeline = new Pipeline(risk, orders, fleet, ai.level());
        TickProcessor ticks = new TickProcessor(this.market, pipeline, risk);
        MarkToMarket marks = new MarkToMarket(this.market, pipeline, risk);
        this.reconciliation = new ReconciliationGate(store, broker, fleet, config);
        this.snapshots = new Snapshots(mode, risk, reconciliation::haltReason);
        this.instants = new EventRunner(config, fleet, ticks, marks, new FeedRetries(), store, this.market, this::publish);
        // before the boot (plug-ins opened) there is no engine time yet; what is said then is only logged
        EngineCalls calls = new EngineCalls(thread::submit, () -> clock == null ? System.currentTimeMillis() : clock.now(), this::publish,
                () -> snapshots.refresh(clock.now(), fleet.bots(), true), snapshots::latest);
        this.commands = Commands.of(calls, store, registry, broker, this.market, fleet, risk, pipeline, reconciliation::haltReason);
        this.queries = new Queries(store, registry, snapshots::latest);
        this.reports = new Reports(store, () -> snapshots.latest().engineTime());
        this.settling = new Settling(store, broker, registry, fleet, risk, reconciliation, this::publish);
    }

    /**
     * Loads the fleet and settles what a stop left open. {@code freshStart} is the engine time a new data folder
     * starts at; {@code wallNow} is where a real-time engine resumes.
     */
    public void boot(long freshStart, long wallNow) {
        Boot.Instants instants = Boot.instants(store, config, freshStart, wallNow, scope.timeKey());
        engineStart = instants.start();
        long resume = instants.resume();
        clock = new SimulatedClock(resume);
        List<EngineEvent> events = new ArrayList<>();
        settling.boot(resume, events);
        publish(events);
        snapshots.refresh(resume, fleet.bots(), true);
        log.info("engine ready: {} bots on {} feeds, {}, engine time {}", fleet.bots().size(), fleet.feeds().size(),
                snapshots.latest().mode(), java.time.Instant.ofEpochMilli(resume));
    }

    /** Runs only the bots of {@code scope} and keeps its time under the scope's key (an engine node). Before {@link #boot}. */
    public void runAs(NodeScope scope) {
        this.scope = scope;
        settling.runOnly(scope);
        instants.keepTimeUnder(scope.timeKey());
    }

    /**
     * Makes a real-time engine (speed 1) follow this clock instead of the computer's: engine time is then the
     * exchange's time, so candle closes are the exchange's closes. Call before {@link #start}.
     */
    public void follow(WallClock clock) {
        this.follow = clock;
    }

    /** Where the engine's events are logged: {@link EventLog#LIVE} unless a backtest says otherwise. */
    public void logEventsTo(EventLog log) {
        this.eventLog = log;
    }

    /** Measures every feed's tick from now on (benchmarks); {@link TickTimer#NONE} stops it. */
    public void timeTicks(TickTimer timer) {
        instants.timeTicks(timer);
    }

    /** Starts the engine thread; it runs until {@code endTime} (engine time, exclusive) or until shut down. */
    public void start(Long endTime) {
        thread.start(() -> loop(endTime), () -> snapshots.refresh(clock.now(), fleet.bots(), true));
    }

    private void loop(Long endTime) throws InterruptedException {
        Pacer pacer = follow != null && !config.simulated() ? Pacer.following(follow, thread.commands())
                : speedDial.pacer(thread.commands(), clock.now());
        new EngineLoop(thread, instants, store, snapshots, fleet, scope.timeKey()).run(clock, pacer, endTime, reconciliation::haltReason,
                settling.unsettledAtBoot(), settling::settle, problem -> storeProblem = problem);
    }

    private void publish(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            eventLog.write(e);
            bus.publish(e);
        }
    }

    /** Asks the engine to stop after the event it is processing; waits until it has. */
    public void shutdown() throws InterruptedException {
        thread.shutdown();
    }

    /** Waits until the engine has stopped (end time reached, shut down or failed). */
    public void awaitTermination() throws InterruptedException {
        thread.awaitTermination();
    }

    /** Waits at most {@code millis} for the engine to stop; true once it has. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return thread.awaitTermination(millis);
    }

    /** The error that stopped the engine, or null. */
    public Throwable failure() {
        return thread.failure();
    }

    public long engineStart() { return engineStart; }

    public EngineClock clock() { return clock; }

    public CountingMarket market() { return market; }

    /** The strategies this engine makes its bots from: the built-in ones and the plug-ins installed. */
    public StrategyRegistry registry() { return registry; }

    public List<Feed> feeds() { return fleet.feeds().stream().map(FeedBook::feed).toList(); }

    @Override
    public MarketStatus marketStatus() {
        return market.status();
    }

    @Override
    public List<String> reconciliationDifferences() {
        return reconciliation.differences();
    }

    @Override
    public String haltReason() {
        return reconciliation.haltReason();
    }

    @Override
    public String storeProblem() {
        return storeProblem;
    }

    @Override
    public void acceptBrokerView() {
        thread.submit(() -> {
            reconciliation.acceptBrokerView(clock.now());
            risk.booksChanged();
            snapshots.refresh(clock.now(), fleet.bots(), true);
        });
    }

    @Override
    public FleetSnapshot snapshot() { return snapshots.latest(); }

    @Override
    public EventBus events() { return bus; }

    @Override
    public void startBot(String botId) {
        commands.bots().setStatus(botId, BotStatus.RUNNING);
    }

    @Override
    public void stopBot(String botId) {
        commands.bots().setStatus(botId, BotStatus.STOPPED);
    }

    @Override
    public BotCommands bots() { return commands.bots(); }

    @Override
    public ParamsApi params() { return commands.params(); }

    @Override
    public FleetImport fleetImport() { return commands.fleetFile(); }

    @Override
    public EngineReads reads() { return queries; }

    @Override public ReportsApi reports() { return reports; }

    @Override
    public double speed() { return speedDial.speed(); }

    @Override
    public boolean speedAdjustable() { return speedDial.adjustable(); }

    @Override
    public void setSpeed(double s) {
        speedDial.check(s);
        thread.submit(() -> {
            snapshots.mode(speedDial.set(s, clock.now()));
            snapshots.refresh(clock.now(), fleet.bots(), true);
        });
    }

    @Override public AiControl ai() { return ai; }
    @Override
    public RiskApi risk() {
        return commands.risk();
    }

    /** The plug-in folder: open it before {@link #boot}, watch it once started. */
    @Override
    public PluginControl plugins() {
        return commands.plugins();
    }
}
