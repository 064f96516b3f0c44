package dev.flotilla.bench;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.WriteStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fleet trading the sandbox at full speed for a stretch of simulated time, in a new data folder, with a reader
 * thread querying the store the way the console does while the engine writes. It yields the wall time, every feed
 * tick's latency (candle close until its bots' decisions are committed) and what the single writer did.
 */
final class DayRun {

    /** What one run measured. */
    record Result(int bots, int feeds, Duration simulated, long bootNanos, Samples firstTicks, long wallNanos, long cpuNanos,
                  long allocated, Samples ticks, WriteStats writes, long reads, long readErrors, long fills, long candleRequests) {
    }

    /**
     * A new data folder's first close of each feed fetches and stores its whole window of history (300 candles); that
     * happens once, in the first minutes, and is measured apart from the day that follows.
     */
    static final Duration FIRST_CLOSES = Duration.ofMinutes(5);

    private DayRun() {
    }

    static Result run(Path dir, List<BotSpec> fleet, Duration simulated) throws Exception {
        return run(dev.flotilla.engine.store.Database.open(dir), fleet, simulated);
    }

    /** The same, on the store in {@code database} (a PostgreSQL one, say), which the run closes. */
    static Result run(dev.flotilla.engine.store.Database database, List<BotSpec> fleet, Duration simulated) throws Exception {
        long bootStart = System.nanoTime();
        try (SandboxWorld world = new SandboxWorld(database, fleet, dev.flotilla.engine.config.EngineConfig.MAX_SPEED)) {
            long boot = System.nanoTime() - bootStart;
            Store store = world.store;
            Samples first = new Samples();
            world.engine.timeTicks((feed, bots, nanos) -> first.add(nanos));
            world.runUntil(SandboxWorld.START + FIRST_CLOSES.toMillis());
            Samples ticks = new Samples();
            world.engine.timeTicks((feed, bots, nanos) -> ticks.add(nanos));
            store.resetLongestWrite();
            WriteStats writes0 = store.writeStats();
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            AtomicLong readErrors = new AtomicLong();
            Thread reader = Thread.ofPlatform().name("console-like reader").daemon().start(() -> read(world, done, reads, readErrors));
            long cpu = processCpuNanos();
            long allocated = allocatedBytes();
            long start = System.nanoTime();
            world.runUntil(SandboxWorld.START + FIRST_CLOSES.toMillis() + simulated.toMillis());
            long wall = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
            allocated = allocatedBytes() - allocated;
            done.set(true);
            reader.join();
            world.engine.timeTicks(dev.flotilla.engine.loop.TickTimer.NONE);
            return new Result(fleet.size(), world.engine.feeds().size(), simulated, boot, first, wall, cpu, allocated, ticks,
                    store.writeStats().since(writes0), reads.get(), readErrors.get(),
                    store.fills().size(), world.engine.market().candleRequests());
        }
    }

    /** CPU time of this whole process (every thread, the garbage collector's and the JIT's too), or 0 if unknown. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Heap allocated so far by every thread of this JVM, ended ones included. */
    static long allocatedBytes() {
        return java.lang.management.ManagementFactory.getThreadMXBean()
                instanceof com.sun.management.ThreadMXBean t ? t.getTotalThreadAllocatedBytes() : 0;
    }

    /** What a console refreshing every 50 ms asks of the store; any failure (a "database is locked") is counted. */
    private static void read(SandboxWorld world, AtomicBoolean done, AtomicLong reads, AtomicLong errors) {
        while (!done.get()) {
            try {
                world.store.recentFills(50);
                world.store.openPositions();
                world.engine.snapshot();
                reads.addAndGet(2);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
