package dev.flotilla.app;

import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.Sources;
import dev.flotilla.engine.backtest.StoredRuns;
import dev.flotilla.engine.backtest.BacktestReport;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.RiskStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @CommandLine.Mixin
    RunOptions period = new RunOptions();

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file to run (default: the data folder's fleet, else the built-in one).")
    Path fleet;

    @Option(names = "--bots", paramLabel = "ID,...", split = ",", description = "Run only these bots of the fleet.")
    List<String> bots;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    private BacktestCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BacktestCommand c = new BacktestCommand();
        return RunOptions.parseAndRun("backtest", c, args, err, () -> c.run(out, err));
    }

    private int run(PrintStream out, PrintStream err) {
        RunOptions.Checked c = period.check();
        writable("--markdown", markdown);
        writable("--json", json);
        Logging.init(c.dataDir(), false);
        StrategyRegistry registry = StrategyRegistry.builtin();
        try (CancelOnExit cancel = new CancelOnExit("backtest", 30); Store store = new Store(Database.open(c.dataDir()))) {
            PluginStart.forRun(c.dataDir(), store, registry, err);
            List<BotSpec> fleetToRun = chooseFleet(store, registry);
            Backtest.Request request = new Backtest.Request(fleetToRun, c.from(), c.to(), c.feeBps(), c.slippageBps(),
                    new RiskStore(store).limits(), registry);
            Sources.Source source = RunOptions.source(c, store, fleetToRun, err);
            out.println("running " + fleetToRun.size() + " bots from " + period.from + " to " + period.to + " on "
                    + source.label() + " ...");
            RunOptions.ProgressLine line = new RunOptions.ProgressLine(err);
            Backtest.Progress progress = t -> line.show(Instant.ofEpochMilli(Math.min(t, c.to())).toString().substring(0, 10),
                    Math.max(0, Math.min(1, (t - c.from()) / (double) (c.to() - c.from()))));
            BacktestResult result;
            try {
                result = Backtest.run(request, source.label(), source.market(), progress, cancel::requested);
            } catch (Backtest.CancelledException e) {
                err.println("flotilla backtest: " + e.getMessage() + "; nothing was stored");
                return Main.FAILED;
            }
            BacktestReport report = new BacktestReport(result);
            out.print(report.text());
            write(markdown, report.markdown(), out);
            write(json, report.json(), out);
            long id = new BacktestStore(store).save(StoredRuns.of(result, null));
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

    /** A file to write whose folder must exist; a usage error naming the option otherwise. */
    static void writable(String option, Path file) {
        if (file == null) return;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UsageException(option + ": no folder " + parent);
    }

    /** Writes the file (if asked for) and says so. */
    static void write(Path file, String text, PrintStream out) {
        if (file == null) return;
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            out.println("wrote " + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

}
