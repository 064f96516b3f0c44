package dev.flotilla.app;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.query.Reports;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla report}: the performance of a data folder's books over a period (by bot, strategy type or symbol, and
 * the realized PnL by day, week and month), the figures the console's Performance screen shows. It only reads.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Performance of the books over a period: by bot, strategy or symbol, and PnL by day, week and month (UTC).")
final class ReportCommand {

    @Option(names = "--period", paramLabel = "7d|30d|ytd|all|FROM..TO", defaultValue = "30d",
            description = "The period, in engine time (UTC): the last N days, the year to date, all, or the days FROM..TO as"
                    + " 2026-01-01..2026-01-31, both included (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--by", paramLabel = "bot|strategy|symbol", defaultValue = "bot",
            description = "Group the rows by bot, strategy type or symbol (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder whose books are read (default: the per-user one).")
    Path dataDir;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    private ReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ReportCommand c = new ReportCommand();
        return RunOptions.parseAndRun("report", c, args, err, () -> c.run(out, err));
    }

    private int run(PrintStream out, PrintStream err) {
        Period p = checked("--period", Period::parse, period);
        PerformanceReport.By grouping = checked("--by", PerformanceReport.By::parse, by);
        BacktestCommand.writable("--markdown", markdown);
        return onBooks("report", dataDir, err, reports -> {
            PerformanceReport report = reports.performance(p);
            out.print(reports.text(report, grouping));
            if (markdown != null) BacktestCommand.write(markdown, reports.markdown(report, grouping), out);
            return Main.OK;
        });
    }

    /** A checked option value; a bad one is a usage error naming the option. */
    static <T> T checked(String option, Function<String, T> parse, String value) {
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            throw new UsageException(option + ": " + m.substring(m.indexOf(':') + 1).strip());
        }
    }

    /** Runs {@code work} on the reports of a data folder's books, which must exist; store and write problems fail. */
    static int onBooks(String name, Path dir, PrintStream err, Function<ReportsApi, Integer> work) {
        Path folder = dir != null ? dir : DataFolder.defaultDir();
        if (!Files.isRegularFile(folder.resolve(Database.FILE_NAME))) {
            throw new UsageException("no data file in " + folder + "; name the data folder with --data-dir");
        }
        Logging.init(folder, false);
        try (Store store = new Store(Database.open(folder))) {
            return work.apply(Reports.atRest(store));
        } catch (StoreException | IllegalStateException e) {
            err.println("flotilla " + name + ": " + e.getMessage());
            return Main.FAILED;
        }
    }
}
