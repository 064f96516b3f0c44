package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.BacktestReport;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.backtest.HistoryMarket;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla backtest}: the fleet (or some of its bots) run by the engine over a period of history, as fast as the
 * machine allows, on the sandbox's invented history ({@code --seed N}, no network) or on the candles stored in a data
 * folder (imported or downloaded). It prints the report, writes it as Markdown or JSON if asked, and stores the run in
 * the data folder's backtest tables, apart from the live books, which it never changes.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run the fleet over history and report per bot and for the fleet.")
final class BacktestCommand {

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "Start of the period, e.g. 2026-01-01 (UTC).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "End of the period, e.g. 2026-04-01 (UTC).")
    String to;

    @Option(names = "--seed", paramLabel = "N", description = "Run on the sandbox's history made with this seed (no network).")
    String seed;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file to run (default: the data folder's fleet, else the built-in one).")
    Path fleet;

    @Option(names = "--bots", paramLabel = "ID,...", split = ",", description = "Run only these bots of the fleet.")
    List<String> bots;

    @Option(names = "--fee", paramLabel = "BPS", defaultValue = "10", description = "Taker fee in basis points (default: ${DEFAULT-VALUE}).")
    String fee;

    @Option(names = "--slippage", paramLabel = "BPS", defaultValue = "5", description = "Slippage in basis points (default: ${DEFAULT-VALUE}).")
    String slippage;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder: where the history is read (without --seed) and the run is stored.")
    Path dataDir;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    private BacktestCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BacktestCommand c = new BacktestCommand();
        CommandLine cli = new CommandLine(c);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) return Main.OK;
        } catch (CommandLine.ParameterException e) {
            err.println("flotilla backtest: " + e.getMessage() + " (see flotilla backtest --help)");
            return Main.USAGE;
        }
        try {
            return c.run(out, err);
        } catch (UsageException e) {
            err.println("flotilla backtest: " + e.getMessage());
            return Main.USAGE;
        }
    }

    private int run(PrintStream out, PrintStream err) {
        long start = Settings.date("--from", from);
        long end = Settings.date("--to", to);
        if (end <= start) throw new UsageException("--to must come after --from");
        Long sandboxSeed = Settings.seed(seed);
        BigDecimal feeBps = bps("--fee", fee);
        BigDecimal slippageBps = bps("--slippage", slippage);
        Path dir = dataDir != null ? dataDir : sandboxSeed != null ? DataFolder.defaultDir()
                : DataFolder.defaultDir().resolve(Settings.binanceFolder(MarketChoice.parse("binance", null)));
        if (sandboxSeed != null && start < Backtest.earliestSandboxStart()) {
            throw new UsageException("--from: the sandbox's history begins " + Instant.ofEpochMilli(Backtest.SANDBOX_ORIGIN)
                    + " and the strategies need " + Instant.ofEpochMilli(Backtest.earliestSandboxStart())
                    + " or later to have their window of candles");
        }
        if (sandboxSeed == null && !Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
            throw new UsageException("no stored history in " + dir + ": import some with flotilla history import, or run on"
                    + " the sandbox with --seed N");
        }
        writable("--markdown", markdown);
        writable("--json", json);
        Logging.init(dir, false);
        StrategyRegistry registry = StrategyRegistry.builtin();
        try (Store store = new Store(Database.open(dir))) {
            List<BotSpec> fleetToRun = chooseFleet(store, registry);
            Backtest.Request request = new Backtest.Request(fleetToRun, start, end, feeBps, slippageBps, new RiskStore(store).limits());
            String market;
            java.util.function.Function<dev.flotilla.engine.clock.EngineClock, dev.flotilla.engine.market.MarketData> source;
            if (sandboxSeed != null) {
                market = "sandbox seed " + sandboxSeed;
                source = clock -> new SandboxMarket(sandboxSeed, Backtest.SANDBOX_ORIGIN, clock);
            } else {
                market = "history in " + dir;
                Set<Feed> feeds = fleetToRun.stream().map(BotSpec::feed).collect(Collectors.toCollection(LinkedHashSet::new));
                HistoryHolder holder = new HistoryHolder();
                HistoryMarket loaded = HistoryMarket.load(store, feeds, start, end, request.config().window(), holder);
                checkCoverage(loaded, feeds, start, end, err);
                source = clock -> {
                    holder.clock = clock;
                    return loaded;
                };
            }
            out.println("running " + fleetToRun.size() + " bots from " + from + " to " + to + " on " + market + " ...");
            AtomicBoolean cancel = new AtomicBoolean();
            Thread self = Thread.currentThread();
            Thread hook = new Thread(() -> {
                cancel.set(true);
                try {
                    self.join(10_000);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            }, "backtest-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            BacktestResult result;
            try {
                result = Backtest.run(request, market, source, new ProgressLine(err, start, end), cancel::get);
            } catch (Backtest.CancelledException e) {
                err.println();
                err.println("flotilla backtest: " + e.getMessage() + "; nothing was stored");
                return Main.FAILED;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException exiting) {
                    // the JVM is already shutting down
                }
            }
            BacktestReport report = new BacktestReport(result);
            out.print(report.text());
            write(markdown, report.markdown(), out);
            write(json, report.json(), out);
            List<RunFigures> figures = new ArrayList<>(result.bots());
            figures.add(result.fleet());
            long id = new BacktestStore(store).save(new BacktestStore.Run(0, System.currentTimeMillis(), market, start, end,
                    feeBps, slippageBps, result.fills(), result.fillsDigest(), result.wallNanos() / 1_000_000, null),
                    figures, result.trades(), result.equity());
            out.println("stored as backtest run " + id + " in " + store.database().file());
            return Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("flotilla backtest: interrupted");
            return Main.FAILED;
        } catch (StoreException | IllegalStateException | IllegalArgumentException e) {
            err.println("flotilla backtest: " + e.getMessage());
            return Main.FAILED;
        }
    }

    /** The engine clock, handed to the stored history once the engine has booted. */
    private static final class HistoryHolder implements dev.flotilla.engine.clock.EngineClock {
        volatile dev.flotilla.engine.clock.EngineClock clock;

        @Override
        public long now() {
            return clock == null ? 0 : clock.now();
        }
    }

    private List<BotSpec> chooseFleet(Store store, StrategyRegistry registry) {
        List<BotSpec> all = fleet != null ? Launcher.readFleet(fleet, registry)
                : !store.bots().isEmpty() ? store.bots() : Launcher.readFleet(null, registry);
        if (bots == null || bots.isEmpty()) return all;
        Map<String, BotSpec> byId = new LinkedHashMap<>();
        all.forEach(b -> byId.put(b.id(), b));
        List<BotSpec> chosen = new ArrayList<>();
        for (String id : bots) {
            BotSpec b = byId.get(id.trim());
            if (b == null) throw new UsageException("--bots: no bot '" + id.trim() + "' in the fleet (it has "
                    + String.join(", ", byId.keySet().stream().limit(8).toList()) + (byId.size() > 8 ? ", ..." : "") + ")");
            if (!chosen.contains(b)) chosen.add(b);
        }
        return chosen;
    }

    /** Every feed must have candles over the whole period; gaps are reported, since the bots skip those closes. */
    private static void checkCoverage(HistoryMarket market, Set<Feed> feeds, long from, long to, PrintStream err) {
        List<String> missing = new ArrayList<>();
        for (Feed feed : feeds) {
            HistoryMarket.Coverage c = market.coverage(feed, from, to);
            String name = feed.symbol().compact() + " " + feed.timeframe().label();
            if (c.candles() == 0) {
                missing.add(name);
                continue;
            }
            long tf = feed.timeframe().millis();
            if (c.firstOpen() > Math.ceilDiv(from, tf) * tf || c.lastClose() < Math.floorDiv(to, tf) * tf) {
                missing.add(name + " (stored only " + Instant.ofEpochMilli(c.firstOpen()) + " to " + Instant.ofEpochMilli(c.lastClose()) + ")");
            } else if (!c.gaps().isEmpty()) {
                err.println("warning: " + name + " has gaps in its history, e.g. at " + Instant.ofEpochMilli(c.gaps().getFirst())
                        + "; its bots skip those closes");
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("the stored history does not cover the period for " + String.join(", ", missing)
                    + "; import it with flotilla history import, or run on the sandbox with --seed N");
        }
    }

    private static BigDecimal bps(String option, String s) {
        try {
            BigDecimal d = new BigDecimal(s.trim());
            if (d.signum() < 0 || d.compareTo(new BigDecimal("1000")) > 0) {
                throw new UsageException(option + ": must be between 0 and 1000 basis points, got " + s);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": must be a number of basis points like 10, got '" + s + "'");
        }
    }

    private static void writable(String option, Path file) {
        if (file == null) return;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UsageException(option + ": no folder " + parent);
    }

    private static void write(Path file, String text, PrintStream out) {
        if (file == null) return;
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            out.println("wrote " + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Progress on one line of the error stream: simulated day, share done and time left, about once a second. */
    private static final class ProgressLine implements Backtest.Progress {
        private final PrintStream err;
        private final long from;
        private final long to;
        private final long started = System.nanoTime();
        private long lastPrinted;
        private boolean finished;

        ProgressLine(PrintStream err, long from, long to) {
            this.err = err;
            this.from = from;
            this.to = to;
        }

        @Override
        public void at(long engineTime) {
            long now = System.nanoTime();
            double done = Math.max(0, Math.min(1, (engineTime - from) / (double) (to - from)));
            if (finished || (now - lastPrinted < 1_000_000_000L && done < 1)) return;
            finished = done >= 1;
            if (lastPrinted == 0 && finished) return;  // too quick to need progress
            lastPrinted = now;
            double elapsed = (now - started) / 1e9;
            String eta = done > 0.01 && done < 1 ? String.format(Locale.ROOT, ", about %.0f s left", elapsed * (1 - done) / done) : "";
            err.printf(Locale.ROOT, "  %s  %3.0f%%%s%n", Instant.ofEpochMilli(Math.min(engineTime, to)).toString().substring(0, 10),
                    done * 100, eta);
        }
    }
}
