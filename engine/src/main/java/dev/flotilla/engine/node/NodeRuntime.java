package dev.flotilla.engine.node;

import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.NodeScope;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.Broker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless engine node of a shared fleet (issue 17). Its heartbeat thread keeps its leases and takes free bots; its
 * control thread runs the engine with exactly the bots it holds. Whenever that set changes (a lease lost, bots
 * adopted, a write refused because the lease had passed) the engine is stopped after the event it is in and built
 * again from the store for the new set, as a restart builds it, the adopted bots first brought to the node's engine
 * time (decision 0034). A clean {@link #stop} gives the leases back; an engine that fails otherwise stops the node
 * without giving them back, so they lapse and other nodes take the bots, as after a crash.
 */
public final class NodeRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeRuntime.class);

    private final Store store;
    private final Supplier<Broker> brokers;
    private final StrategyRegistry registry;
    private final NodeOptions options;
    private final Leases leases;
    private final LeaseStore leaseStore;
    private final Relay clock;
    private final MarketData market;
    private final EventBus bus = new EventBus();
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService beats;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread control;
    private final Runs runs;
    private volatile boolean stopping;
    private volatile boolean killed;
    private boolean stopped;
    private volatile Throwable failure;
    private volatile Engine engine;
    private final ClusterKillSwitch killSwitch = new ClusterKillSwitch();
    private long killSwitchLooked = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile Set<String> running = Set.of();

    /**
     * @param store   a node's store ({@code Database.openNode}), whose bot writes the database fences
     * @param markets makes the market, given the clock it must read (the engine the node runs at the moment)
     * @param brokers makes where orders go, once for each engine the node builds, so it starts from what the store
     *                holds as a restart's does (the paper broker on the store for paper trading)
     */
    public NodeRuntime(Store store, Function<EngineClock, MarketData> markets, Supplier<Broker> brokers,
                       StrategyRegistry registry, NodeOptions options) {
        this.store = store;
        this.brokers = brokers;
        this.registry = registry;
        this.options = options;
        this.clock = new Relay(options.freshStart());
        this.leaseStore = new LeaseStore(store);
        this.leases = new Leases(leaseStore, options.name(), options.ttl(), options.maxBots());
        this.market = markets.apply(clock);
        this.runs = new Runs(this::newEngine, store, options);
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("lease-beat-" + options.name()).unstarted(r));
        this.control = Thread.ofPlatform().name("node-" + options.name()).unstarted(this::control);
    }

    /** Registers the fleet's bots in the lease table, then starts heartbeating and running what it takes. */
    public NodeRuntime start() {
        leaseStore.register();
        long ms = options.beat().toMillis();
        beats.scheduleWithFixedDelay(() -> {
            if (leases.beat()) wake.release();
        }, 0, ms, TimeUnit.MILLISECONDS);
        control.start();
        log.info("node {} started: leases of {} s, heartbeats every {} ms", options.name(), options.ttl().toSeconds(), ms);
        return this;
    }

    private void control() {
        try {
            while (!stopping) {
                wake.tryAcquire(50, TimeUnit.MILLISECONDS);
                if (stopping) break;
                boolean rebuild = false;
                Engine e = engine;
                if (e != null && e.awaitTermination(0) && !runs.settled(e)) {
                    Throwable f = e.failure();
                    if (f != null && !Runs.leaseLost(f)) throw new NodeFailure("the engine failed", f);
                    runs.settle(e);
                    if (f != null) {
                        log.warn("node {}: a write was refused, the lease had passed ({}); building again without the bot", options.name(), f.getMessage());
                        leases.beat();
                        rebuild = true;
                    }
                }
                Leases.Change change = leases.drain();
                if (rebuild && change.lost().isEmpty()) {
                    // refused though every lease is still this node's: a new writer session lost the fencing numbers
                    leases.renew();
                    change = change.then(leases.drain());
                }
                if (rebuild || !change.none()) rebuild(change);
                lookAtKillSwitch();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            log.error("node {} stops on an error; its leases are not given back and lapse", options.name(), t);
            beats.shutdownNow();
            stopEngine();
            ended.countDown();
        }
    }

    /** At most once a heartbeat: the cluster's kill switch applied to the engine this node runs. */
    private void lookAtKillSwitch() {
        long now = System.nanoTime();
        if (now - killSwitchLooked < options.beat().toNanos()) return;
        killSwitchLooked = now;
        try {
            killSwitch.apply(store, engine).ifPresent(r -> log.warn("node {}: the cluster's kill switch request {} applied: {}",
                    options.name(), r.seq(), r.state()));
        } catch (RuntimeException e) {
            log.warn("node {}: the cluster's kill switch could not be read or applied ({}); looked at again at the next heartbeat",
                    options.name(), e.getMessage());
        }
    }

    /** The engine built again for the bots now held; those adopted brought to the node's time first. */
    private void rebuild(Leases.Change change) throws InterruptedException {
        Set<String> before = new HashSet<>(running);
        before.removeAll(change.lost());
        stopEngine();
        Set<String> mine = leases.heldIds();
        before.retainAll(mine);
        var adopted = new java.util.HashMap<String, String>();
        for (String id : mine) if (!before.contains(id)) adopted.put(id, change.taken().get(id));
        if (mine.isEmpty()) {
            running = Set.of();
            return;
        }
        List<TimeLine.Group> groups = TimeLine.groups(store, options.name(), before, adopted, options.freshStart());
        Engine next = runs.merge(groups);
        if (next == null) return;  // a catch-up was refused: the next beat says which lease passed
        running = Set.copyOf(mine);
        engine = next;
        log.info("node {}: runs {} bot(s) from engine time {}", options.name(), mine.size(), java.time.Instant.ofEpochMilli(next.clock().now()));
    }

    /** A new engine on the store for {@code bots}, booted (the market reads its clock), not started; a catch-up at full speed. */
    private Engine newEngine(Set<String> bots, boolean catchUp) {
        var config = catchUp && options.config().simulated() ? options.config().withSpeed(EngineConfig.MAX_SPEED) : options.config();
        Engine e = new Engine(store, market, brokers.get(), registry, config, options.mode(), bus);
        e.runAs(NodeScope.node(options.name(), bots));
        e.boot(options.freshStart(), System.currentTimeMillis());
        clock.follow(e.clock());
        return e;
    }

    private void stopEngine() {
        Engine e = engine;
        engine = null;
        if (e == null) return;
        try {
            e.shutdown();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A clean stop: no more bots taken, the engine stopped after the event it is in (its time committed), every lease
     * given back so other nodes take the bots at once.
     */
    public synchronized void stop() throws InterruptedException {
        if (stopped) return;
        stopped = true;
        leases.stopTaking();
        stopping = true;
        wake.release();
        control.join();
        beats.shutdown();
        beats.awaitTermination(30, TimeUnit.SECONDS);
        stopEngine();
        boolean crashed = killed || failure != null;
        if (!crashed) leases.releaseAll();
        bus.close();
        log.info("node {} stopped{}", options.name(), crashed ? " without giving its leases back" : "; its leases are given back");
        ended.countDown();
    }

    /** A crash as far as the other nodes can tell: heartbeats stop, nothing is given back, the leases lapse. */
    public void kill() throws InterruptedException {
        killed = true;
        beats.shutdownNow();
        stop();
    }

    /** Waits until the node stopped by itself (a failure) or {@link #stop} has finished; true once it has. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Why the node stopped by itself, or null. */
    public Throwable failure() {
        return failure;
    }

    /** The bots this node holds the leases of. */
    public Set<String> held() {
        return leases.heldIds();
    }

    /** The bots the node's engine runs. */
    public Set<String> running() {
        return running;
    }

    /** The engine the node runs now, or null while it holds no bot (or is building one). */
    public Engine engine() {
        return engine;
    }

    /** Whether the node's engine reached the end time its options give, with nothing left to run. */
    public boolean reachedEnd() throws InterruptedException {
        Engine e = engine;
        return e != null && options.until() != null && e.awaitTermination(0) && e.failure() == null
                && e.clock().now() >= options.until() && wake.availablePermits() == 0;
    }

    /** How many times this node ran adopted bots (or its own) alone to bring them to one engine time. */
    public int catchUps() {
        return runs.catchUps();
    }

    public String name() {
        return options.name();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** A node-level failure: the engine stopped on an error that is not a lost lease. */
    static final class NodeFailure extends RuntimeException {
        NodeFailure(String message, Throwable cause) {
            super(message + ": " + cause, cause);
        }
    }

    /** The clock the market reads: the engine the node runs at the moment. */
    private static final class Relay implements EngineClock {
        private final long initial;
        private volatile EngineClock target;

        Relay(long initial) {
            this.initial = initial;
        }

        void follow(EngineClock c) {
            target = c;
        }

        @Override
        public long now() {
            EngineClock t = target;
            return t == null ? initial : t.now();
        }
    }
}
