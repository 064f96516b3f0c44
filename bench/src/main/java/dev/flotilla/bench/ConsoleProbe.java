package dev.flotilla.bench;

import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.ui.shell.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The console on JavaFX's headless platform (started with -Dglass.platform=Headless -Dprism.order=sw), in a JVM of its
 * own, on an engine trading the sandbox at full speed with the selected bot's candle chart open. An animation timer
 * sees every frame the FX thread gets to: frames a second, and the longest gap between two frames, which is the
 * longest the FX thread was kept from drawing. The parent reads the last line.
 */
public final class ConsoleProbe {

    static final String PREFIX = "console-probe:";
    /** The app's --speed when none is given (Options). */
    static final double DEFAULT_SPEED = 60;

    private ConsoleProbe() {
    }

    /**
     * Arguments: bots, seconds to measure, data folder, "load" (or "idle" to leave the engine stopped, the baseline),
     * and seconds of warm-up under the same load before frames are counted: the JIT compiles the console's and the
     * engine's hot code for half a minute after a start, and an app that runs all day is past that.
     */
    public static void main(String[] args) throws Exception {
        int bots = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        long warmup = args.length > 4 ? Long.parseLong(args[4]) : 0;
        var peakHeap = MemoryProbe.peakHeap();
        dev.flotilla.app.Logging.init(dir, false);  // as the app logs: INFO into dir/logs
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        java.util.concurrent.atomic.AtomicLong blitErrors = on(ConsoleProbe::countHeadlessBlitErrors);
        // "load": the engine at full speed; "default": at the app's default speed, as a user runs it; "idle": stopped
        String mode = args.length > 3 ? args[3] : "load";
        double speed = mode.equals("default") ? DEFAULT_SPEED : EngineConfig.MAX_SPEED;
        try (SandboxWorld world = new SandboxWorld(dir.resolve("data"), new Fleets(StrategyRegistry.builtin()).of(bots), speed)) {
            Console console = on(() -> {
                Console c = new Console(world.engine, null, false, () -> { });
                c.window().stage().setWidth(1600);
                c.window().stage().setHeight(1000);
                c.show();
                return c;
            });
            boolean idle = mode.equals("idle");
            if (idle) world.runUntil(SandboxWorld.START + 300_000);  // a few trades to show, then a stopped engine
            else world.engine.start(null);
            // the table lists the fleet and the selected bot's chart has its candles before anything is counted
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!on(() -> console.window().fleet().rows().size() == bots && console.window().candles().candleCount() > 50)) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the console did not fill in a minute");
                Thread.sleep(50);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            Frames frames = on(Frames::new);
            long fxThread = on(() -> Thread.currentThread().threadId());
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long engineFrom = world.engine.clock().now();
            long fxCpu = threads.getThreadCpuTime(fxThread);
            long processCpu = DayRun.processCpuNanos();
            java.util.Map<Long, Long> before = cpuByThread(threads);
            on(() -> { frames.start(); return null; });
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            on(() -> { frames.stop(); return null; });
            fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu;
            printBusiestThreads(threads, before, seconds);
            processCpu = DayRun.processCpuNanos() - processCpu;
            double simulatedHours = (world.engine.clock().now() - engineFrom) / 3_600_000.0;
            int candles = on(() -> console.window().candles().candleCount());
            System.out.println("headless screen copies refused (the window is wider than the platform's 1000-pixel"
                    + " screen; the frame is drawn all the same): " + blitErrors.get());
            world.engine.shutdown();  // as the app does on quit; the console then closes on a quiet engine
            on(() -> { console.quit(); return null; });
            ChildJvm.report(PREFIX, String.format("frames=%d seconds=%.2f longestGapMs=%.1f simulatedHours=%.1f candles=%d vmHWMkB=%d"
                            + " fxCpuShare=%.2f processCpuShare=%.2f heapPeak=%d heapCommitted=%d",
                    frames.count, frames.elapsedNanos / 1e9, frames.longestGapNanos / 1e6, simulatedHours, candles,
                    MemoryProbe.status("VmHWM"), fxCpu / (seconds * 1e9), processCpu / (seconds * 1e9), peakHeap.get(),
                    java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()));
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * JavaFX's headless platform copies each frame into a screen of 1000 by 1000 pixels and throws when the window
     * (1600 wide here, as on a desktop) does not fit; the frame itself is drawn. Those are counted, not printed once a
     * frame; anything else the FX thread throws is printed as before.
     */
    private static java.util.concurrent.atomic.AtomicLong countHeadlessBlitErrors() {
        var count = new java.util.concurrent.atomic.AtomicLong();
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> {
            boolean blit = e instanceof IndexOutOfBoundsException && java.util.Arrays.stream(e.getStackTrace())
                    .anyMatch(f -> f.getClassName().endsWith("headless.HeadlessWindow") && f.getMethodName().equals("blit"));
            if (blit) count.incrementAndGet();
            else before.uncaughtException(t, e);
        });
        return count;
    }

    private static java.util.Map<Long, Long> cpuByThread(java.lang.management.ThreadMXBean threads) {
        java.util.Map<Long, Long> m = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) m.put(id, threads.getThreadCpuTime(id));
        return m;
    }

    /** Where the CPU went while frames were counted, busiest threads first (for the log; the FX thread is "Thread-1"). */
    private static void printBusiestThreads(java.lang.management.ThreadMXBean threads, java.util.Map<Long, Long> before,
                                            long seconds) {
        java.util.Map<String, Double> share = new java.util.TreeMap<>();
        for (var e : cpuByThread(threads).entrySet()) {
            var info = threads.getThreadInfo(e.getKey());
            if (info == null || e.getValue() < 0) continue;
            double used = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (seconds * 1e9);
            share.merge(info.getThreadName().replaceAll("#?\\d+$", "#n"), used, Double::sum);
        }
        StringBuilder sb = new StringBuilder("threads (cores):");
        share.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(8)
                .forEach(e -> sb.append(String.format(" %s=%.2f", e.getKey(), e.getValue())));
        System.out.println(sb);
    }

    private static <T> T on(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Counts frames and the longest gap between two; used on the FX thread only. */
    static final class Frames extends AnimationTimer {
        long count;
        long first;
        long last;
        long elapsedNanos;
        long longestGapNanos;

        @Override
        public void handle(long now) {
            if (count > 0) longestGapNanos = Math.max(longestGapNanos, now - last);
            else first = now;
            last = now;
            count++;
            elapsedNanos = now - first;
        }
    }
}
