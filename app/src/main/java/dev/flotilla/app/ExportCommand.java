package dev.flotilla.app;

import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla export WHAT}: a data folder's trades, orders, positions, risk events, equity snapshots or performance
 * tables as CSV, exact decimals and UTC ISO-8601 times under a header row (the README lists the columns). It only reads.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the books as CSV: trades, orders, positions, risk-events, equity, performance or pnl.")
final class ExportCommand {

    @Parameters(paramLabel = "trades|orders|positions|risk-events|equity|performance|pnl", description = "What to export.")
    String what;

    @Option(names = "--period", paramLabel = "7d|30d|ytd|all|FROM..TO", defaultValue = "all",
            description = "The period, in engine time (UTC), as for flotilla report (default: ${DEFAULT-VALUE}); open positions are"
                    + " always exported.")
    String period;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder whose books are read (default: the per-user one).")
    Path dataDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to this file (default: to the standard output).")
    Path out;

    private ExportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ExportCommand c = new ExportCommand();
        return RunOptions.parseAndRun("export", c, args, err, () -> c.run(out, err));
    }

    private int run(PrintStream stdout, PrintStream err) {
        ReportsApi.Export kind = ReportCommand.checked("export", ReportsApi.Export::parse, what);
        Period p = ReportCommand.checked("--period", Period::parse, period);
        BacktestCommand.writable("--out", out);
        return ReportCommand.onBooks("export", dataDir, err, reports -> {
            Table table = reports.export(kind, p);
            if (out == null) {
                stdout.print(table.csv());
            } else {
                BacktestCommand.write(out, table.csv(), stdout);
                stdout.println(table.rows().size() + " " + kind.label() + " rows");
            }
            return Main.OK;
        });
    }
}
