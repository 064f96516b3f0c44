package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.backtest.Sources;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * What a backtest and a sweep are both asked: the period, the history (the sandbox's with --seed, else the candles
 * stored in the data folder), the costs and the data folder; and what both make of it: the checked period, the market,
 * a cancel on Ctrl-C and a progress line.
 */
final class RunOptions {

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "Start of the period, e.g. 2026-01-01 (UTC).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "End of the period, e.g. 2026-04-01 (UTC).")
    String to;

    @Option(names = "--seed", paramLabel = "N", description = "Run on the sandbox's history made with this seed (no network).")
    String seed;

    @Option(names = "--fee", paramLabel = "BPS", defaultValue = "10", description = "Taker fee in basis points (default: ${DEFAULT-VALUE}).")
    String fee;

    @Option(names = "--slippage", paramLabel = "BPS", defaultValue = "5", description = "Slippage in basis points (default: ${DEFAULT-VALUE}).")
    String slippage;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder: where the history is read (without --seed) and the run is stored.")
    Path dataDir;

    /**
     * Parses {@code args} into {@code command} (a picocli command with these options mixed in), prints its help if
     * asked, and runs {@code body}; a bad option or a {@link UsageException} is a usage error named after the command.
     */
    static int parseAndRun(String name, Object command, String[] args, PrintStream err, java.util.function.IntSupplier body) {
        try {
            picocli.CommandLine.ParseResult parsed = new picocli.CommandLine(command).parseArgs(args);
            if (picocli.CommandLine.printHelpIfRequested(parsed)) return Main.OK;
        } catch (picocli.CommandLine.ParameterException e) {
            err.println("flotilla " + name + ": " + e.getMessage() + " (see flotilla " + name + " --help)");
            return Main.USAGE;
        }
        try {
            return body.getAsInt();
        } catch (UsageException e) {
            err.println("flotilla " + name + ": " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** The options checked: period, seed (or null), costs and folder. */
    record Checked(long from, long to, Long seed, BigDecimal feeBps, BigDecimal slippageBps, Path dataDir) {
    }

    Checked check() {
        long start = Settings.date("--from", from);
        long end = Settings.date("--to", to);
        if (end <= start) throw new UsageException("--to must come after --from");
        Long sandboxSeed = Settings.seed(seed);
        BigDecimal feeBps = bps("--fee", fee);
        BigDecimal slippageBps = bps("--slippage", slippage);
        Path dir = dataDir != null ? dataDir : sandboxSeed != null ? DataFolder.defaultDir()
                : DataFolder.defaultDir().resolve(Settings.binanceFolder(MarketChoice.parse("binance", null)));
        if (sandboxSeed != null) {
            try {
                Sources.checkSandboxStart(start);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--from: " + e.getMessage());
            }
        }
        if (sandboxSeed == null && !Files.isRegularFile(dir.resolve(Database.FILE_NAME))) {
            throw new UsageException("no stored history in " + dir + ": import some with flotilla history import, or run on"
                    + " the sandbox with --seed N");
        }
        return new Checked(start, end, sandboxSeed, feeBps, slippageBps, dir);
    }

    /**
     * The sandbox's candles for the seed, or the data folder's candles of the bots' feeds, checked to cover the period
     * (a feed that does not is a usage error naming it; gaps are warned about).
     */
    static Sources.Source source(Checked c, Store store, List<BotSpec> bots, PrintStream err) {
        Set<Feed> feeds = bots.stream().map(BotSpec::feed).collect(Collectors.toCollection(LinkedHashSet::new));
        if (c.seed() != null) return Sources.sandbox(c.seed(), feeds, c.from(), c.to());
        try {
            return Sources.stored(store, "history in " + c.dataDir(), feeds, c.from(), c.to(), w -> err.println("warning: " + w));
        } catch (Sources.MissingHistoryException e) {
            throw new UsageException(e.getMessage().replace("with a seed", "with --seed N"));
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

    /** A progress line on the error stream about once a second: where the work is, the share done and time left. */
    static final class ProgressLine {
        private final PrintStream err;
        private final long started = System.nanoTime();
        private long lastPrinted;
        private boolean finished;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        synchronized void show(String where, double done) {
            long now = System.nanoTime();
            if (finished || (now - lastPrinted < 1_000_000_000L && done < 1)) return;
            finished = done >= 1;
            if (lastPrinted == 0 && finished) return;  // too quick to need progress
            lastPrinted = now;
            double elapsed = (now - started) / 1e9;
            String eta = done > 0.01 && done < 1 ? String.format(Locale.ROOT, ", about %.0f s left", elapsed * (1 - done) / done) : "";
            err.printf(Locale.ROOT, "  %s  %3.0f%%%s%n", where, done * 100, eta);
        }
    }
}
