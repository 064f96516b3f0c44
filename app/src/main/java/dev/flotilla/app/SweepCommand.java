package dev.flotilla.app;

import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.Sources;
import dev.flotilla.engine.backtest.StoredRuns;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.backtest.ParamRange;
import dev.flotilla.engine.backtest.Sweep;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla sweep}: one bot's parameters swept over ranges, every set a backtest of its own on the same engine,
 * run on all cores and ranked; with --walk-forward, optimised on one part of the period and tested on the next. The
 * sets are stored as backtest runs under one label (the best with its trades and equity), for the console to show and
 * to apply to the bot.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep one bot's parameters over ranges and rank the sets.")
final class SweepCommand {

    @CommandLine.Mixin
    RunOptions period = new RunOptions();

    @Option(names = "--bot", required = true, paramLabel = "ID", description = "The bot whose parameters are swept.")
    String bot;

    @Option(names = "--param", required = true, paramLabel = "NAME=FROM..TO:STEP",
            description = "A parameter's values, e.g. fastPeriod=5..20:1 or rsiPeriod=7,14,21; repeat for more.")
    List<String> params;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file holding the bot (default: the data folder's fleet, else the built-in one).")
    Path fleet;

    @Option(names = "--workers", paramLabel = "N", description = "Backtests run at once (default: the machine's cores).")
    Integer workers;

    @Option(names = "--rank", paramLabel = "METRIC", defaultValue = "sharpe", description = "sharpe, calmar or return (default: ${DEFAULT-VALUE}).")
    String rank;

    @Option(names = "--walk-forward", paramLabel = "FOLDS", defaultValue = "0",
            description = "Cut the period into FOLDS+1 parts; optimise on each part, test on the next (default: off).")
    int folds;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Sets to print (default: ${DEFAULT-VALUE}).")
    int top;

    private SweepCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SweepCommand c = new SweepCommand();
        return RunOptions.parseAndRun("sweep", c, args, err, () -> c.run(out, err));
    }

    private int run(PrintStream out, PrintStream err) {
        RunOptions.Checked c = period.check();
        Sweep.Rank metric;
        Map<String, ParamRange> ranges = new LinkedHashMap<>();
        try {
            metric = Sweep.Rank.parse(rank);
            for (String p : params) {
                ParamRange r = ParamRange.parse(p);
                if (ranges.put(r.name(), r) != null) throw new UsageException("--param " + r.name() + ": given twice");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > 256) throw new UsageException("--workers: must be between 1 and 256, got " + n);
        if (folds < 0 || folds > 50) throw new UsageException("--walk-forward: must be between 0 and 50 folds, got " + folds);
        if (top < 1) throw new UsageException("--top: must be 1 or more");
        Logging.init(c.dataDir(), false);
        StrategyRegistry registry = StrategyRegistry.builtin();
        try (CancelOnExit cancel = new CancelOnExit("sweep", 30); Store store = new Store(Database.open(c.dataDir()))) {
            PluginStart.forRun(c.dataDir(), store, registry, err);
            List<BotSpec> all = fleet != null ? Launcher.readFleet(fleet, registry)
                    : !store.bots().isEmpty() ? store.bots() : Launcher.readFleet(null, registry);
            BotSpec base = all.stream().filter(b -> b.id().equals(bot)).findFirst().orElseThrow(() -> new UsageException(
                    "--bot: no bot '" + bot + "' in the fleet (it has " + String.join(", ", all.stream().map(BotSpec::id).limit(8).toList())
                            + (all.size() > 8 ? ", ..." : "") + ")"));
            for (String name : ranges.keySet()) {
                if (registry.type(base.strategy()).params().stream().noneMatch(p -> p.name().equals(name))) {
                    throw new UsageException("--param " + name + ": strategy " + base.strategy() + " has no such parameter; it has "
                            + String.join(", ", registry.type(base.strategy()).params().stream().map(p -> p.name()).toList()));
                }
            }
            Map<String, Map<String, String>> limits = new RiskStore(store).limits();
            Sources.Source source = RunOptions.source(c, store, List.of(base), err);
            int sets = Sweep.combinations(ranges).size();
            out.printf(Locale.ROOT, "sweeping %s (%s on %s %s): %d sets from %s to %s on %s, %d worker%s%s ...%n", base.id(),
                    base.strategy(), base.symbol().compact(), base.timeframe().label(), sets, period.from, period.to,
                    source.label(), n, n == 1 ? "" : "s", folds > 0 ? ", " + folds + " walk-forward folds" : "");
            RunOptions.ProgressLine line = new RunOptions.ProgressLine(err);
            Sweep sweep = new Sweep(registry, source.label(), source.market());
            Sweep.Outcome outcome;
            try {
                outcome = sweep.run(base, ranges, c.from(), c.to(), c.feeBps(), c.slippageBps(),
                        limits, n, metric, folds, (done, total) -> line.show(done + "/" + total + " backtests", done / (double) total),
                        cancel::requested);
            } catch (Backtest.CancelledException e) {
                err.println("flotilla sweep: cancelled; nothing was stored");
                return Main.FAILED;
            }
            if (!outcome.skipped().isEmpty()) {
                out.println(outcome.skipped().size() + " set(s) refused by the strategy, e.g. " + outcome.skipped().getFirst());
            }
            String label = StoredRuns.sweepLabel(base, Instant.now());
            List<BacktestStore.Entry> entries;
            if (folds == 0) {
                print(out, outcome, ranges.keySet(), metric);
                // the best set once more, so its trades and equity can be looked at
                BacktestResult best = sweep.runBest(outcome, c.from(), c.to(), c.feeBps(), c.slippageBps(), limits, () -> false);
                entries = StoredRuns.ofSweep(outcome, best, label);
            } else {
                printFolds(out, outcome, metric);
                entries = StoredRuns.ofFolds(outcome, source.label(), c.feeBps(), c.slippageBps(), label);
            }
            new BacktestStore(store).saveAll(entries);
            out.printf(Locale.ROOT, "ran %d backtests in %.1f s (%.2f s each on %d worker%s)%n", outcome.runs(),
                    outcome.wallNanos() / 1e9, outcome.wallNanos() / 1e9 * n / Math.max(1, outcome.runs()), n, n == 1 ? "" : "s");
            out.println("stored as \"" + label + "\" (" + entries.size() + " runs) in " + store.database().file());
            return Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("flotilla sweep: interrupted");
            return Main.FAILED;
        } catch (StoreException | IllegalStateException | IllegalArgumentException e) {
            err.println("flotilla sweep: " + e.getMessage());
            return Main.FAILED;
        }
    }

    private void print(PrintStream out, Sweep.Outcome o, java.util.Set<String> names, Sweep.Rank metric) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("rank"));
        header.addAll(names);
        header.addAll(List.of("return", "CAGR", "max DD", "Sharpe", "Sortino", "Calmar", "trades", "win", "PF"));
        rows.add(header.toArray(String[]::new));
        int rank = 1;
        for (Sweep.Point p : o.points().subList(0, Math.min(top, o.points().size()))) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++)));
            for (String name : names) row.add(number(p.params().get(name)));
            row.addAll(figures(p.figures().performance()));
            rows.add(row.toArray(String[]::new));
        }
        out.println();
        out.println("top " + (rows.size() - 1) + " of " + o.points().size() + " sets by " + metric.label() + ":");
        table(out, rows);
        out.println();
    }

    private static void printFolds(PrintStream out, Sweep.Outcome o, Sweep.Rank metric) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"fold", "optimised on", "tested on", "best set", "in-sample " + metric.label(), "in-sample return",
            "out-of-sample " + metric.label(), "out-of-sample return"});
        int k = 1;
        double is = 0;
        double oos = 0;
        for (Sweep.Fold f : o.folds()) {
            rows.add(new String[] {Integer.toString(k++), day(f.trainFrom()) + " to " + day(f.trainTo()),
                day(f.testFrom()) + " to " + day(f.testTo()), f.best().toString().replace(".0,", ",").replace(".0}", "}"),
                ratio(metric, f.inSample().performance()), pct(f.inSample().performance().totalReturn()),
                ratio(metric, f.outOfSample().performance()), pct(f.outOfSample().performance().totalReturn())});
            is += f.inSample().performance().totalReturn();
            oos += f.outOfSample().performance().totalReturn();
        }
        out.println();
        out.println("walk-forward, " + o.folds().size() + " folds, ranked by " + metric.label() + ":");
        table(out, rows);
        out.printf(Locale.ROOT, "mean return in sample %s, out of sample %s%n%n", pct(is / o.folds().size()), pct(oos / o.folds().size()));
    }

    private static String ratio(Sweep.Rank metric, Performance p) {
        double v = metric.of(p);
        return metric == Sweep.Rank.RETURN ? pct(v) : Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }

    private static List<String> figures(Performance p) {
        return List.of(pct(p.totalReturn()), pct(p.cagr()), pct(-p.maxDrawdown()), two(p.sharpe()), two(p.sortino()),
                two(p.calmar()), Integer.toString(p.trades()), pct(p.winRate()), two(p.profitFactor()));
    }

    private static void table(PrintStream out, List<String[]> rows) {
        int[] width = new int[rows.getFirst().length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) b.append("  ");
                b.append(" ".repeat(width[i] - r[i].length())).append(r[i]);
            }
            out.println(b);
        }
    }

    private static String day(long t) {
        return Instant.ofEpochMilli(t).toString().substring(0, 10);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    private static String pct(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f%%", d * 100) : "-";
    }

    private static String two(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.2f", d) : "-";
    }
}
