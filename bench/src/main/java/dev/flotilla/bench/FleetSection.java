package dev.flotilla.bench;

import dev.flotilla.engine.store.WriteStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decision latency, the simulated day's wall time and the store, from one full-speed sandbox run per fleet size
 * (after a warm-up run that is not reported, so the JIT has compiled the hot path as it has in a running app).
 */
final class FleetSection {

    private final Path work;
    private final Fleets fleets;
    private final Duration simulated;
    private final Duration warmup;
    private final java.io.PrintStream progress;

    FleetSection(Path work, Fleets fleets, Duration simulated, Duration warmup, java.io.PrintStream progress) {
        this.work = work;
        this.fleets = fleets;
        this.simulated = simulated;
        this.warmup = warmup;
        this.progress = progress;
    }

    List<Figure> run(List<Integer> sizes) throws Exception {
        if (!warmup.isZero()) {
            progress.println("warm-up: " + sizes.getLast() + " bots for " + Bench.human(warmup) + " (not reported)");
            DayRun.run(work.resolve("warmup"), fleets.of(sizes.getLast()), warmup);
        }
        List<Figure> figures = new ArrayList<>();
        List<DayRun.Result> results = new ArrayList<>();
        for (int n : sizes) {
            progress.println("sandbox run: " + n + " bots for " + Bench.human(simulated));
            DayRun.Result r = DayRun.run(work.resolve("fleet-" + n), fleets.of(n), simulated);
            results.add(r);
            progress.printf("  %d feed ticks, p99 %s, wall %s, CPU %s, %d rows, %d fills%n", r.ticks().size(),
                    Samples.ms(r.ticks().quantile(0.99)), Samples.ms(r.wallNanos()), Samples.ms(r.cpuNanos()), r.writes().rows(), r.fills());
        }
        for (DayRun.Result r : results) figures.addAll(latency(r));
        for (DayRun.Result r : results) figures.add(wall(r));
        for (DayRun.Result r : results) {
            figures.add(Figure.info("simulated day", "heap allocated in that day, " + r.bots() + " bots (all threads)",
                    Samples.mb(r.allocated())));
        }
        for (DayRun.Result r : results) figures.addAll(store(r));
        return figures;
    }

    private static List<Figure> latency(DayRun.Result r) {
        String area = "decision latency, " + r.bots() + " bots";
        long p99 = r.ticks().quantile(0.99);
        String target = r.bots() <= 45 ? "p99 <= 5 ms" : r.bots() >= 1000 ? "p99 <= 100 ms" : "";
        long limit = r.bots() <= 45 ? 5_000_000L : 100_000_000L;
        String perTick = String.format("%,d feed ticks on %d feeds, %.1f bots per tick", r.ticks().size(), r.feeds(),
                (double) r.bots() / r.feeds());
        List<Figure> out = new ArrayList<>();
        out.add(Figure.info(area, "p50 (" + perTick + ")", Samples.ms(r.ticks().quantile(0.5))));
        out.add(target.isEmpty() ? Figure.info(area, "p99", Samples.ms(p99))
                : Figure.target(area, "p99", Samples.ms(p99), target, p99 <= limit));
        out.add(Figure.info(area, "max", Samples.ms(r.ticks().max())));
        out.add(Figure.info(area, "first close of each feed in a new data folder (" + r.firstTicks().size()
                + " ticks, each storing 300 candles of history): max", Samples.ms(r.firstTicks().max())));
        return out;
    }

    private Figure wall(DayRun.Result r) {
        String what = "wall time of " + Bench.human(r.simulated()) + " simulated, " + r.bots() + " bots ("
                + r.fills() + " fills)";
        String value = Samples.ms(r.wallNanos()) + " (CPU " + Samples.ms(r.cpuNanos()) + ")";
        if (r.bots() == 45 && r.simulated().equals(Duration.ofDays(1))) {
            return Figure.target("simulated day", what, value, "<= 2 s (default fleet)", r.wallNanos() <= 2_000_000_000L);
        }
        return Figure.info("simulated day", what, value);
    }

    private static List<Figure> store(DayRun.Result r) {
        String area = "store, " + r.bots() + " bots";
        WriteStats w = r.writes();
        double perTx = w.transactions() == 0 ? 0 : (double) w.rows() / w.transactions();
        return List.of(
                Figure.target(area, String.format("rows/s while writing (%,d rows in %,d transactions, %.1f rows each)",
                        w.rows(), w.transactions(), perTx), String.format("%,.0f", w.rowsPerWriteSecond()),
                        ">= 10,000 rows/s", w.rowsPerWriteSecond() >= 10_000),
                Figure.info(area, "longest write transaction", Samples.ms(w.longestWriteNanos())),
                Figure.target(area, String.format("SQLITE_BUSY errors (writer, and a reader thread: %,d queries)", r.reads()),
                        String.valueOf(w.busyErrors() + r.readErrors()), "none", w.busyErrors() + r.readErrors() == 0));
    }
}
