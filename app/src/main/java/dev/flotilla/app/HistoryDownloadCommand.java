package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.clock.WallClock;
import dev.flotilla.engine.history.DownloadException;
import dev.flotilla.engine.history.DownloadProgress;
import dev.flotilla.engine.history.DownloadResult;
import dev.flotilla.engine.history.FeedDownload;
import dev.flotilla.engine.history.HistoryDownload;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla history download}: klines from Binance's API into a data folder's candles, through the same client and
 * request weight budget as {@code --market binance}, resumable, with a progress line; see {@link HistoryCommand}.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download klines from Binance's API into the candles table, inside Flotilla's request weight "
                + "budget; a stopped download (Ctrl-C) keeps what it stored and the same command resumes it.")
final class HistoryDownloadCommand {
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

    /** Quote assets a compact symbol such as BTCUSDT may end with, the longer first. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "BTC", "ETH", "BNB", "EUR",
            "TRY", "BRL", "JPY", "GBP", "DAI");

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

    int run(PrintStream out, PrintStream err) {
        String url;
        try {
            url = MarketChoice.binance(binanceUrl == null ? MarketChoice.PRODUCTION_URL : binanceUrl).binanceUrl();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--binance-url: " + e.getMessage().replace("Binance URL ", ""));
        }
        TreeSet<Symbol> pairs = new TreeSet<>();
        symbols.stream().filter(x -> !x.isBlank()).forEach(x -> pairs.add(symbol(x)));
        if (pairs.isEmpty()) throw new UsageException("--symbols: name at least one, e.g. BTCUSDT");
        TreeSet<Timeframe> lengths = new TreeSet<>();
        for (String tf : timeframes) {
            try {
                lengths.add(Timeframe.parse(tf));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--timeframes: " + e.getMessage());
            }
        }
        long start = Settings.date("--from", from);
        Long toOption = Settings.date("--to", to);
        long end = toOption == null ? Long.MAX_VALUE : toOption;
        if (start >= end) throw new UsageException("--from " + from + " is not before --to " + to);
        if (start >= System.currentTimeMillis()) throw new UsageException("--from " + from + " is in the future");
        List<Feed> feeds = new ArrayList<>();
        for (Symbol s : pairs) for (Timeframe tf : lengths) feeds.add(new Feed(s, tf));
        Path folder = dataDir != null ? dataDir
                : DataFolder.defaultDir().resolve(Settings.binanceFolder(MarketChoice.binance(url)));
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--data-dir: " + folder + " is a file, not a folder");
        }
        String problem = HistoryCommand.folderProblem(folder, url);
        if (problem != null) throw new UsageException(problem);

        Logging.init(folder, false);
        String resume = "run the same command again to resume";
        try (CancelOnExit stop = new CancelOnExit("history-download", 30); Store store = new Store(Database.open(folder))) {
            HistoryCommand.markBinance(store, url);
            BinanceMarket market = new BinanceMarket(BinanceConfig.defaults(url), WallClock.system());
            market.start(pairs);
            out.println("downloading " + feeds.size() + " feed(s) from " + url + " into " + store.database().file()
                    + " (request weight budget " + market.weightBudget() + " of " + market.weightLimit() + " a minute)");
            ProgressLine line = new ProgressLine(err);
            DownloadResult r;
            try {
                r = new HistoryDownload(market, store).run(feeds, start, end, stop::requested, line::accept);
            } catch (DownloadException e) {
                line.flush();
                err.println("flotilla history download: " + e.getMessage());
                err.println("flotilla history download: " + e.partial().candles() + " candles stored before that were kept; "
                        + resume);
                return Main.FAILED;
            }
            line.flush();
            for (FeedDownload f : r.feeds()) {
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
        }
    }

    /** The progress of a download on one line about once a second: a bar, feeds done, candles, ETA. */
    static final class ProgressLine {
        private static final long EVERY_NS = 1_000_000_000L;
        private final PrintStream err;
        private long printedAt;
        private DownloadProgress pending;
        private String lastNote;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        void accept(DownloadProgress p) {
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

        private void print(DownloadProgress p) {
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
