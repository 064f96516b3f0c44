package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.history.HistoryDownload;
import dev.flotilla.engine.history.HistoryImport;
import dev.flotilla.engine.history.HistoryImportException;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        subcommands = {HistoryCommand.Import.class, HistoryCommand.Download.class})
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

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download klines from Binance's API into the candles table, inside Flotilla's request weight "
                    + "budget; a stopped download (Ctrl-C) keeps what it stored and the same command resumes it.")
    static final class Download {
        @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYMBOL",
                description = "Symbols, e.g. BTCUSDT,ETH/USDT.")
        List<String> symbols;

        @Option(names = "--timeframes", split = ",", paramLabel = "TF", defaultValue = "15m,1h,4h",
                description = "Timeframes among 15m, 1h, 4h (default: all three).")
        List<String> timeframes;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, UTC (e.g. 2025-01-01).")
        String from;

        @Option(names = "--to", paramLabel = "DATE",
                description = "End, UTC: candles up to that day's 00:00, not included (default: the last closed candle).")
        String to;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder to store into (default: the Binance folder).")
        Path dataDir;

        @Option(names = "--binance-url", paramLabel = "URL", description = "production (default), testnet or an http(s) URL.")
        String binanceUrl;
    }

    /** Quote assets a compact symbol such as BTCUSDT may end with, the longer first. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR",
            "TRY", "BRL", "JPY", "GBP", "DAI");

    private HistoryCommand() {
    }

    /** BTC/USDT, BTC-USDT or BTCUSDT (the quote one Binance lists). */
    static Symbol symbol(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (t.contains("/") || t.contains("-")) return Symbol.parse(t);
            for (String q : QUOTES) {
                if (t.endsWith(q) && t.length() > q.length() + 1) return new Symbol(t.substring(0, t.length() - q.length()), q);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--symbols: '" + text + "' is not a symbol like BTCUSDT or BTC/USDT");
    }

    /** Why the data folder must not receive Binance data from {@code url}, or null when it may. */
    private static String folderProblem(Path dataDir, String url) {
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
        if (command instanceof Download d) {
            try {
                return download(d, out, err);
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
            store.write(tx -> {
                tx.setting(EngineSettings.MARKET, "binance");
                tx.setting(EngineSettings.BINANCE_URL, MarketChoice.PRODUCTION_URL);
            });
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

    private static int download(Download d, PrintStream out, PrintStream err) {
        String url;
        try {
            url = MarketChoice.binance(d.binanceUrl == null ? MarketChoice.PRODUCTION_URL : d.binanceUrl).binanceUrl();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--binance-url: " + e.getMessage().replace("Binance URL ", ""));
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        d.symbols.stream().filter(x -> !x.isBlank()).forEach(x -> symbols.add(symbol(x)));
        if (symbols.isEmpty()) throw new UsageException("--symbols: name at least one, e.g. BTCUSDT");
        TreeSet<Timeframe> timeframes = new TreeSet<>();
        for (String tf : d.timeframes) {
            try {
                timeframes.add(Timeframe.parse(tf));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--timeframes: " + e.getMessage());
            }
        }
        long from = Settings.date("--from", d.from);
        Long toOption = Settings.date("--to", d.to);
        long to = toOption == null ? Long.MAX_VALUE : toOption;
        if (from >= to) throw new UsageException("--from " + d.from + " is not before --to " + d.to);
        if (from >= System.currentTimeMillis()) throw new UsageException("--from " + d.from + " is in the future");
        List<Feed> feeds = new ArrayList<>();
        for (Symbol s : symbols) for (Timeframe tf : timeframes) feeds.add(new Feed(s, tf));
        Path dataDir = d.dataDir != null ? d.dataDir
                : DataFolder.defaultDir().resolve(Settings.binanceFolder(MarketChoice.binance(url)));
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new UsageException("--data-dir: " + dataDir + " is a file, not a folder");
        }
        String problem = folderProblem(dataDir, url);
        if (problem != null) throw new UsageException(problem);

        Logging.init(dataDir, false);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: the download stops after the page it is on, and the process ends once it has said what it kept
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "history-download-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String resume = "run the same command again to resume";
        try (Store store = new Store(Database.open(dataDir))) {
            store.write(tx -> {
                tx.setting(EngineSettings.MARKET, "binance");
                tx.setting(EngineSettings.BINANCE_URL, url);
            });
            BinanceMarket market = new BinanceMarket(BinanceConfig.defaults(url), WallClock.system());
            market.start(symbols);
            out.println("downloading " + feeds.size() + " feed(s) from " + url + " into " + store.database().file()
                    + " (request weight budget " + market.weightBudget() + " of " + market.weightLimit() + " a minute)");
            ProgressLine line = new ProgressLine(err);
            HistoryDownload.Result r;
            try {
                r = new HistoryDownload(market, store).run(feeds, from, to, stop::get, line::accept);
            } catch (HistoryDownload.DownloadException e) {
                line.flush();
                err.println("flotilla history download: " + e.getMessage());
                err.println("flotilla history download: " + e.partial().candles() + " candles stored before that were kept; "
                        + resume);
                return Main.FAILED;
            }
            line.flush();
            for (HistoryDownload.FeedResult f : r.feeds()) {
                out.println("  " + f.feed().symbol().compact() + " " + f.feed().timeframe() + ": " + f.added() + " new candles"
                        + (f.complete() && f.added() < f.missing()
                        ? " (" + (f.missing() - f.added()) + " of the period Binance does not have)" : ""));
            }
            out.printf(Locale.ROOT, "downloaded %d candles of %d feeds from %s to %s in %d pages, %.1f s%n", r.candles(),
                    r.feeds().size(), Instant.ofEpochMilli(r.from()), Instant.ofEpochMilli(r.to()), r.pages(),
                    r.elapsed().toMillis() / 1e3);
            if (r.stopped()) {
                err.println("flotilla history download: stopped; the " + r.candles() + " candles stored were kept; " + resume);
                return Main.FAILED;
            }
            return Main.OK;
        } catch (IllegalArgumentException | StoreException e) {
            err.println("flotilla history download: " + e.getMessage());
            return Main.FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is ending (Ctrl-C): the hook is running
            }
        }
    }

    /** The progress of a download on one line about once a second: a bar, feeds done, candles, ETA. */
    static final class ProgressLine {
        private static final long EVERY_NS = 1_000_000_000L;
        private final PrintStream err;
        private long printedAt;
        private HistoryDownload.Progress pending;
        private String lastNote;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        void accept(HistoryDownload.Progress p) {
            long now = System.nanoTime();
            boolean newNote = p.note() != null && !p.note().equals(lastNote);
            lastNote = p.note();
            if (printedAt != 0 && now - printedAt < EVERY_NS && !newNote) {
                pending = p;
                return;
            }
            print(p);
            printedAt = now;
        }

        /** The latest progress, if it was not printed yet. */
        void flush() {
            if (pending != null) print(pending);
        }

        private void print(HistoryDownload.Progress p) {
            pending = null;
            int filled = (int) Math.round(p.fraction() * 20);
            err.printf(Locale.ROOT, "[%s%s] %3d%% %d/%d feeds, %d of %d candles, ETA %s%s%n", "#".repeat(filled),
                    "-".repeat(20 - filled), (int) Math.floor(p.fraction() * 100), p.feedsDone(), p.feeds(), p.candles(),
                    p.expected(), p.feedsDone() == p.feeds() ? "0s" : eta(p.eta()), p.note() == null ? "" : " (" + p.note() + ")");
        }

        static String eta(Duration d) {
            if (d == null) return "?";
            long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
            return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
    }
}
