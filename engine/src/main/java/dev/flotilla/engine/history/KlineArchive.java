package dev.flotilla.engine.history;

import dev.flotilla.engine.fleet.CandleCheck;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Kline files of Binance's public data archive (data.binance.vision), zipped or not: one file per symbol, timeframe
 * and day or month, named like {@code BTCUSDT-15m-2025-01.csv}, with the columns open time, open, high, low, close,
 * volume, close time, quote volume, trades, taker buy base, taker buy quote and ignore. Spot files from 2025 on give
 * times in microseconds, older ones in milliseconds; both are read. Every file is read whole before anything is kept,
 * so one bad row anywhere means nothing is imported, and every bad row is named by file and line.
 */
public final class KlineArchive {

    /** How many bad rows an import names before it counts the rest. */
    public static final int MAX_REPORTED = 20;
    /** Quote assets a compact archive symbol may end with, longest first so FDUSD is not read as ...USD. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "BTC", "ETH", "BNB", "EUR", "TRY");
    private static final Pattern NAME = Pattern.compile("([A-Z0-9]+)-([0-9]+[mhdwM])-.*\\.csv");
    /** Times above this are microseconds (10^14 ms is the year 5138). */
    private static final long MICROS_FROM = 100_000_000_000_000L;

    private KlineArchive() {
    }

    /** A file or a folder of files (searched below it), read into candles per feed, oldest first, without duplicates. */
    public static Map<Feed, List<Candle>> read(Path path) {
        List<Path> files = files(path);
        Map<Feed, TreeMap<Long, Candle>> byFeed = new LinkedHashMap<>();
        Problems problems = new Problems();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                if (name.endsWith(".zip")) {
                    ZipInputStream zip = new ZipInputStream(in);
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (e.isDirectory() || !e.getName().endsWith(".csv")) continue;
                        String entry = Path.of(e.getName()).getFileName().toString();
                        readCsv(name + "!" + entry, entry, zip, byFeed, problems);
                    }
                } else {
                    readCsv(name, name, in, byFeed, problems);
                }
            } catch (IOException e) {
                problems.add(name + ": cannot be read: " + e.getMessage());
            }
        }
        problems.throwIfAny();
        Map<Feed, List<Candle>> out = new LinkedHashMap<>();
        byFeed.forEach((feed, candles) -> out.put(feed, List.copyOf(candles.values())));
        return out;
    }

    private static List<Path> files(Path path) {
        if (!Files.exists(path)) throw new IllegalArgumentException("no such file or folder: " + path);
        if (Files.isRegularFile(path)) return List.of(path);
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".zip") || n.endsWith(".csv");
            }).sorted().toList();
            if (files.isEmpty()) throw new IllegalArgumentException("no .zip or .csv kline files in " + path);
            return files;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** The feed a file's name gives, e.g. BTCUSDT-15m-2025-01.csv: BTC/USDT 15m. */
    static Feed feedOf(String csvName) {
        Matcher m = NAME.matcher(csvName);
        if (!m.matches()) {
            throw new IllegalArgumentException("the name does not look like an archive kline file (SYMBOL-TIMEFRAME-DATE.csv, e.g. BTCUSDT-15m-2025-01.csv)");
        }
        String compact = m.group(1);
        Timeframe tf = Timeframe.parse(m.group(2));
        for (String q : QUOTES) {
            if (compact.endsWith(q) && compact.length() > q.length()) {
                return new Feed(new Symbol(compact.substring(0, compact.length() - q.length()), q), tf);
            }
        }
        throw new IllegalArgumentException("the symbol " + compact + " does not end with a known quote asset " + QUOTES);
    }

    private static void readCsv(String where, String csvName, InputStream in, Map<Feed, TreeMap<Long, Candle>> byFeed,
                                Problems problems) throws IOException {
        Feed feed;
        try {
            feed = feedOf(csvName);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        TreeMap<Long, Candle> candles = byFeed.computeIfAbsent(feed, f -> new TreeMap<>());
        long tf = feed.timeframe().millis();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        int lineNo = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) continue;
            if (lineNo == 1 && !Character.isDigit(line.charAt(0))) continue;  // a header row
            String problem;
            try {
                Candle c = row(line, tf);
                problem = CandleCheck.problem(c, tf);
                if (problem == null) candles.put(c.openTime(), c);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) problems.add(where + ":" + lineNo + ": " + problem);
        }
    }

    /** One row; times in microseconds become milliseconds. */
    static Candle row(String line, long tfMillis) {
        String[] f = line.split(",", -1);
        if (f.length < 7) throw new IllegalArgumentException("expected 12 columns, found " + f.length);
        long open = time(f[0], "open time");
        long close = time(f[6], "close time");
        if (open + tfMillis - 1 != close) {
            throw new IllegalArgumentException("close time " + f[6].trim() + " is not one timeframe after open time " + f[0].trim());
        }
        return new Candle(open, number(f[1], "open"), number(f[2], "high"), number(f[3], "low"), number(f[4], "close"),
                number(f[5], "volume"));
    }

    /** Milliseconds of a time column; a microsecond time keeps its last millisecond's 999 so close = open + tf - 1. */
    private static long time(String text, String column) {
        long t;
        try {
            t = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text.trim() + "' is not a whole number");
        }
        return t >= MICROS_FROM ? Math.floorDiv(t, 1000) : t;
    }

    private static double number(String text, String column) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text.trim() + "' is not a number");
        }
    }

    private static final class Problems {
        private final List<String> shown = new ArrayList<>();
        private int total;

        void add(String problem) {
            total++;
            if (shown.size() < MAX_REPORTED) shown.add(problem);
        }

        void throwIfAny() {
            if (total > 0) throw new HistoryImportException(shown, total);
        }
    }
}
