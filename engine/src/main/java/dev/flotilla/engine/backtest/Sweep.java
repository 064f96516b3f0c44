package dev.flotilla.engine.backtest;

import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A parameter sweep of one bot: every combination of the ranges that the strategy registry accepts, each a
 * {@link Backtest} of its own (the same engine, one per worker, each with its scratch store in memory), run on as many
 * workers as asked, then ranked. With walk-forward folds, the period is cut in equal parts; each fold picks the best set
 * on one part (in sample) and runs it on the next (out of sample), so over-fitting shows as the gap between the two.
 */
public final class Sweep {

    /** The metric a sweep ranks by; NaN ranks last. */
    public enum Rank {
        SHARPE, CALMAR, RETURN;

        public static Rank parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--rank: must be sharpe, calmar or return, got '" + s + "'");
            }
        }

        public double of(Performance p) {
            return switch (this) {
                case SHARPE -> p.sharpe();
                case CALMAR -> p.calmar();
                case RETURN -> p.totalReturn();
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Told after each run: runs done, runs in all. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void done(int done, int total);
    }

    /** One parameter set and how its bot did (the run's curves and trades are not kept: a sweep has thousands). */
    public record Point(Map<String, Double> params, RunFigures figures, int fills, String fillsDigest) {
    }

    /** A walk-forward fold: the best set in sample and how it did on the next part. */
    public record Fold(long trainFrom, long trainTo, long testFrom, long testTo, Map<String, Double> best,
                       RunFigures inSample, RunFigures outOfSample) {
    }

    /**
     * @param points  every accepted set over the whole period, best first (empty with walk-forward)
     * @param skipped sets the strategy refused, with why (e.g. a fast period not below the slow one)
     */
    public record Outcome(BotSpec bot, Rank rank, List<Point> points, List<String> skipped, List<Fold> folds, int runs,
                          long wallNanos) {
    }

    private final StrategyRegistry registry;
    private final Function<EngineClock, MarketData> market;
    private final String marketLabel;

    public Sweep(StrategyRegistry registry, String marketLabel, Function<EngineClock, MarketData> market) {
        this.registry = registry;
        this.market = market;
        this.marketLabel = marketLabel;
    }

    /** Every combination of the ranges' values, in order (the first range varies slowest). */
    public static List<Map<String, Double>> combinations(Map<String, ParamRange> ranges) {
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : ranges.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : out) {
                for (double v : e.getValue().values()) {
                    Map<String, Double> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Runs the sweep.
     *
     * @param folds     0 for a plain sweep over the period; n for n walk-forward folds
     * @param cancelled polled between and during runs; once true, runs stop and {@link Backtest.CancelledException} is thrown
     */
    public Outcome run(BotSpec bot, Map<String, ParamRange> ranges, long from, long to, BigDecimal feeBps,
                       BigDecimal slippageBps, Map<String, Map<String, String>> limits, int workers, Rank rank, int folds,
                       Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        if (workers < 1) throw new IllegalArgumentException("--workers: must be 1 or more");
        if (folds < 0) throw new IllegalArgumentException("--walk-forward: must be 0 or more folds");
        long started = System.nanoTime();
        List<Map<String, Double>> accepted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, Double> combo : combinations(ranges)) {
            Map<String, Double> params = new LinkedHashMap<>(bot.params());
            params.putAll(combo);
            try {
                accepted.add(registry.resolve(bot.strategy(), params));
            } catch (IllegalArgumentException e) {
                skipped.add(combo + ": " + e.getMessage());
            }
        }
        if (accepted.isEmpty()) throw new IllegalArgumentException("the strategy accepts none of the sets: " + skipped.getFirst());
        int total = folds == 0 ? accepted.size() : folds * (accepted.size() + 1);
        AtomicInteger done = new AtomicInteger();
        Runnable counted = () -> progress.done(done.incrementAndGet(), total);
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("sweep-", 1).daemon().factory());
        try {
            if (folds == 0) {
                List<Point> points = runAll(pool, bot, accepted, from, to, feeBps, slippageBps, limits, counted, cancelled);
                return new Outcome(bot, rank, ranked(points, rank), skipped, List.of(), done.get(), System.nanoTime() - started);
            }
            List<Fold> out = new ArrayList<>();
            long part = (to - from) / (folds + 1);
            for (int f = 0; f < folds; f++) {
                long trainFrom = from + f * part;
                long trainTo = trainFrom + part;
                long testTo = f == folds - 1 ? to : trainTo + part;
                List<Point> inSample = ranked(runAll(pool, bot, accepted, trainFrom, trainTo, feeBps, slippageBps, limits,
                        counted, cancelled), rank);
                Point best = inSample.getFirst();
                Point test = runAll(pool, bot, List.of(best.params()), trainTo, testTo, feeBps, slippageBps, limits,
                        counted, cancelled).getFirst();
                out.add(new Fold(trainFrom, trainTo, trainTo, testTo, best.params(), best.figures(), test.figures()));
            }
            return new Outcome(bot, rank, List.of(), skipped, out, done.get(), System.nanoTime() - started);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Point> runAll(ExecutorService pool, BotSpec bot, List<Map<String, Double>> sets, long from, long to,
                               BigDecimal feeBps, BigDecimal slippageBps, Map<String, Map<String, String>> limits,
                               Runnable oneDone, BooleanSupplier cancelled) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier halt = () -> stop.get() || cancelled.getAsBoolean();
        List<Future<Point>> futures = new ArrayList<>();
        for (Map<String, Double> params : sets) {
            BotSpec variant = bot.withParams(params);
            futures.add(pool.submit(() -> {
                if (halt.getAsBoolean()) throw new Backtest.CancelledException(from);
                BacktestResult r = Backtest.run(new Backtest.Request(List.of(variant), from, to, feeBps, slippageBps, limits, registry),
                        marketLabel, market, Backtest.Progress.NONE, halt);
                oneDone.run();
                return new Point(params, r.bots().getFirst(), r.fills(), r.fillsDigest());
            }));
        }
        List<Point> points = new ArrayList<>();
        try {
            for (Future<Point> f : futures) {
                try {
                    points.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    stop.set(true);
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            stop.set(true);
            for (Future<Point> f : futures) f.cancel(false);
        }
        return points;
    }

    /** The best set of a plain sweep run once more, whole, for its trades and equity. */
    public BacktestResult runBest(Outcome o, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
                                  Map<String, Map<String, String>> limits, BooleanSupplier cancelled) throws InterruptedException {
        BotSpec best = o.bot().withParams(o.points().getFirst().params());
        return Backtest.run(new Backtest.Request(List.of(best), from, to, feeBps, slippageBps, limits, registry), marketLabel, market,
                Backtest.Progress.NONE, cancelled);
    }

    /** Best first by the metric; ties (and NaN) keep the order the sets were given in. */
    static List<Point> ranked(List<Point> points, Rank rank) {
        Comparator<Point> byMetric = Comparator.comparingDouble(p -> {
            double v = rank.of(p.figures().performance());
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
        });
        return points.stream().sorted(byMetric).toList();
    }
}
