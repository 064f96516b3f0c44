package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.history.HistoryImport;
import dev.flotilla.engine.history.HistoryImportException;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla history import FILE|DIR} and {@code flotilla history download}: Binance's klines into a data folder's
 * candles, for backtests, from the public archive's files or from Binance's API. Binance's data goes to a folder of
 * Binance data from the same endpoint (the default Binance folder of that endpoint unless --data-dir says otherwise),
 * never to a sandbox folder whose invented prices it would mix with.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Candle history for backtests.",
        subcommands = {HistoryCommand.Import.class, HistoryDownloadCommand.class})
final class HistoryCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import kline files of Binance's public data archive (data.binance.vision), .zip or .csv, "
                    + "milliseconds or microseconds; a bad row anywhere imports nothing.")
    static final class Import {
        @Parameters(paramLabel = "FILE|DIR", description = "A kline file, or a folder searched for them.")
        Path path;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder to import into (default: the Binance folder).")
        Path dataDir;
    }

    private HistoryCommand() {
    }

    /** Why the data folder must not receive Binance data from {@code url}, or null when it may. */
    static String folderProblem(Path dataDir, String url) {
        String kind = DataFolder.storedMarket(dataDir).orElse(null);
        String stored = Database.peekSetting(dataDir, EngineSettings.BINANCE_URL).orElse(null);
        if (kind == null || (kind.equals("binance") && (stored == null || stored.equals(url)))) return null;
        return "the data folder " + dataDir + " trades " + (kind.equals("binance") ? "Binance data from " + stored
                : "the " + kind + " market") + ", and this is Binance's data from " + url + "; use another --data-dir";
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new HistoryCommand());
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("flotilla history: " + e.getMessage() + " (see flotilla history --help)");
            return Main.USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) return Main.OK;
        if (!parsed.hasSubcommand()) {
            err.println("flotilla history: say what to do: import FILE|DIR, or download --symbols ... --from DATE"
                    + " (see flotilla history --help)");
            return Main.USAGE;
        }
        Object command = parsed.subcommand().commandSpec().commandLine().getCommand();
        if (command instanceof HistoryDownloadCommand d) {
            try {
                return d.run(out, err);
            } catch (UsageException e) {
                err.println("flotilla history download: " + e.getMessage());
                return Main.USAGE;
            }
        }
        Import im = (Import) command;
        Path dataDir = im.dataDir != null ? im.dataDir : DataFolder.defaultDir().resolve(Settings.binanceFolder(MarketChoice.parse("binance", null)));
        if (!Files.exists(im.path)) {
            err.println("flotilla history import: no such file or folder " + im.path);
            return Main.USAGE;
        }
        String kind = DataFolder.storedMarket(dataDir).orElse(null);
        String url = Database.peekSetting(dataDir, EngineSettings.BINANCE_URL).orElse(null);
        if (folderProblem(dataDir, MarketChoice.PRODUCTION_URL) != null) {
            err.println("flotilla history import: the data folder " + dataDir + " trades "
                    + (kind.equals("binance") ? "Binance data from " + url : "the " + kind + " market")
                    + ", and the archive holds Binance's production prices; use another --data-dir");
            return Main.USAGE;
        }
        Logging.init(dataDir, false);
        long started = System.nanoTime();
        try (Store store = new Store(Database.open(dataDir))) {
            markBinance(store, MarketChoice.PRODUCTION_URL);
            out.println("reading " + im.path + " ...");
            HistoryImport.Result r = HistoryImport.from(im.path, store);
            r.read().forEach((feed, candles) -> out.println("  " + feed.symbol().compact() + " " + feed.timeframe() + ": "
                    + candles.size() + " candles, " + Instant.ofEpochMilli(candles.getFirst().openTime()) + " to "
                    + Instant.ofEpochMilli(candles.getLast().closeTime(feed.timeframe()))));
            out.printf("imported %d candles (%d new) of %d feeds into %s in %.1f s%n", r.candles(), r.added(),
                    r.read().size(), store.database().file(), (System.nanoTime() - started) / 1e9);
            return Main.OK;
        } catch (HistoryImportException e) {
            err.println("flotilla history import: " + e.problems().size() + " of the bad rows (nothing was imported):");
            e.problems().forEach(p -> err.println("  " + p));
            err.println("flotilla history import: " + e.getMessage().substring(0, e.getMessage().indexOf(':')));
            return Main.FAILED;
        } catch (IllegalArgumentException | StoreException e) {
            err.println("flotilla history import: " + e.getMessage());
            return Main.FAILED;
        }
    }

    /** The data folder now holds Binance's data from {@code url}: the app opens it on that market. */
    static void markBinance(Store store, String url) {
        store.write(tx -> {
            tx.setting(EngineSettings.MARKET, "binance");
            tx.setting(EngineSettings.BINANCE_URL, url);
        });
    }
}
