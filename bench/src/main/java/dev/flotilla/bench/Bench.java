package dev.flotilla.bench;

import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark command: runs every measurement, prints the table and can write it as Markdown. */
@Command(name = "flotilla-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the fleet on this machine: decision latency, simulated-day wall time, the store, "
                + "market data, memory, a restart to its first tick, the console under load and strategy throughput (docs/benchmarks.md).")
public final class Bench {

    @Option(names = "--quick", description = "Shorter runs (6 simulated hours instead of a day, fewer bars): minutes instead of a quarter hour.")
    boolean quick;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown to FILE.")
    Path markdown;

    @Option(names = "--fleets", paramLabel = "N,N,..", split = ",", description = "Fleet sizes of the sandbox runs (default: 45,250,1000).")
    List<Integer> fleets = List.of(45, 250, 1000);

    @Option(names = "--duration", paramLabel = "HOURS", description = "Simulated hours of each sandbox and memory run, and of the session a restart resumes (default: 24, or 6 with --quick).")
    Integer hours;

    @Option(names = "--strategy-bars", paramLabel = "N", description = "Bars of the strategy throughput run (default: 20000, or 5000 with --quick).")
    Integer strategyBars;

    @Option(names = "--console-seconds", paramLabel = "N", description = "Seconds the console is watched under load (default: 30, or 10 with --quick).")
    Integer consoleSeconds;

    @Option(names = "--console-warmup", paramLabel = "N", description = "Seconds the console runs under load before frames are counted, for the JIT (default: 60, or 10 with --quick).")
    Integer consoleWarmup;

    @Option(names = "--backtest-days", paramLabel = "N", description = "Days of the default fleet's backtest (default: 365, or 30 with --quick).")
    Integer backtestDays;

    @Option(names = "--sweep-sets", paramLabel = "N", description = "Parameter sets of the sweep (default: 1,000, run in full; or 4 with --quick, projected to 1,000).")
    Integer sweepSets;

    @Option(names = "--sweep-days", paramLabel = "N", description = "Days of each sweep run, projected to a year (default: 365, or 30 with --quick).")
    Integer sweepDays;

    @Option(names = "--store-bots", paramLabel = "N,N,..", split = ",", description = "Fleet sizes of the store's SQLite and PostgreSQL runs (default: 1000,5000).")
    List<Integer> storeBots = List.of(1_000, 5_000);

    @Option(names = "--store-hours", paramLabel = "N", description = "Simulated hours of each store run (default: 6, or 2 with --quick).")
    Integer storeHours;

    @Option(names = "--restart-runs", paramLabel = "N", description = "Restarts measured of each kind, same version and after an upgrade (default: 5, or 3 with --quick).")
    Integer restartRuns;

    @Option(names = "--skip", paramLabel = "PART,..", split = ",", description = "Parts to leave out: fleet, market, memory, restart, console, strategy, store, backtest.")
    Set<String> skip = Set.of();

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the runs' data (default: a new temporary folder, deleted at the end).")
    Path work;

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        Bench bench = new Bench();
        CommandLine cli = new CommandLine(bench);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                cli.usage(out);
                return 0;
            }
        } catch (CommandLine.ParameterException e) {
            out.println("flotilla-bench: " + e.getMessage());
            return 2;
        }
        try {
            bench.measure(out, "java -jar bench/target/bench/flotilla-bench.jar " + String.join(" ", args));
            return 0;
        } catch (Exception e) {
            e.printStackTrace(out);
            return 1;
        }
    }

    private void measure(PrintStream out, String command) throws Exception {
        boolean temp = work == null;
        Path dir = temp ? Files.createTempDirectory("flotilla-bench") : Files.createDirectories(work);
        dev.flotilla.app.Logging.init(dir, false);  // as the app logs: INFO into dir/logs
        Duration simulated = Duration.ofHours(hours != null ? hours : quick ? 6 : 24);
        List<Integer> sizes = fleets.stream().sorted().distinct().toList();
        List<Integer> ends = sizes.size() == 1 ? sizes : List.of(sizes.getFirst(), sizes.getLast());
        String loadBefore = Machine.load();
        if (Machine.load1() > 1.5) out.println("note: the load average is " + loadBefore + "; figures may suffer from other work");
        long t0 = System.nanoTime();
        Fleets fleetMaker = new Fleets(StrategyRegistry.builtin());
        List<Figure> figures = new ArrayList<>();
        try {
            if (!skip.contains("strategy")) {
                figures.addAll(StrategySection.run(strategyBars != null ? strategyBars : quick ? 5_000 : 20_000, out));
            }
            if (!skip.contains("fleet")) {
                Duration warmup = simulated.compareTo(Duration.ofHours(6)) < 0 ? Duration.ZERO : Duration.ofHours(quick ? 3 : 12);
                figures.addAll(new FleetSection(dir, fleetMaker, simulated, warmup, out).run(sizes));
            }
            if (!skip.contains("memory") || !skip.contains("console")) {
                ConsoleSection.makeClassDataArchive(dir.resolve("home"), dir.resolve("archive"), out);
            }
            if (!skip.contains("memory")) {
                figures.addAll(MemorySection.run(dir, fleetMaker, ends, simulated, out));
            }
            if (!skip.contains("restart")) {
                figures.addAll(RestartSection.run(dir, simulated, restartRuns != null ? restartRuns : quick ? 3 : 5, out));
            }
            if (!skip.contains("console")) {
                figures.addAll(ConsoleSection.run(dir, ends, consoleSeconds != null ? consoleSeconds : quick ? 10 : 30,
                        consoleWarmup != null ? consoleWarmup : quick ? 10 : 60, out));
            }
            if (!skip.contains("market")) {
                figures.addAll(MarketSection.run(dir, fleetMaker, ends, out));
            }
            if (!skip.contains("store")) {
                figures.addAll(StoreSection.run(dir, fleetMaker, storeBots, Duration.ofHours(storeHours != null ? storeHours
                        : quick ? 2 : 6), out));
            }
            if (!skip.contains("backtest")) {
                figures.addAll(BacktestSection.run(dir, fleetMaker.defaultFleet(), backtestDays != null ? backtestDays : quick ? 30 : 365,
                        sweepSets != null ? sweepSets : quick ? 4 : 1_000, sweepDays != null ? sweepDays : quick ? 30 : 365, out));
            }
        } finally {
            if (temp) delete(dir);
        }
        Report report = new Report(command, Machine.describe(), loadBefore, Machine.load(), human(Duration.ofNanos(System.nanoTime() - t0)), figures);
        out.println();
        report.print(out);
        if (markdown != null) {
            report.writeMarkdown(markdown);
            out.println("wrote " + markdown);
        }
    }

    static String human(Duration d) {
        if (d.toMillis() < 60_000) return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
        if (d.toHours() == 0 || d.toMinutesPart() != 0) return d.toMinutes() + " min";
        return d.toHours() % 24 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toHours() + " h";
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder left behind is harmless
        }
    }

}
