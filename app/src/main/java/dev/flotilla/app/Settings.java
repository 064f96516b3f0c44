package dev.flotilla.app;

import dev.flotilla.engine.api.MarketChoice;
import dev.flotilla.engine.store.StoreLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checked command line. */
record Settings(boolean headless, Path dataDir, Path fleet, double speed, Long seed, Duration duration, Long start,
                boolean newDataFile, boolean acceptBrokerView, boolean debug, Boolean killSwitch, MarketChoice market,
                boolean live, String keepOutside, StoreLocation store) {

    static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(m|h|d)");

    static Settings from(Options o) {
        if (o.live && o.market != null && !o.market.trim().equalsIgnoreCase("binance")) {
            throw new UsageException("--live: trades on Binance; --market " + o.market + " cannot be live");
        }
        if (!o.live && o.keepOutside != null) throw new UsageException("--keep-outside: applies only with --live");
        String keepOutside = o.keepOutside == null ? null : keepOutside(o.keepOutside);
        MarketChoice market = market(o.live && o.market == null ? "binance" : o.market, o.binanceUrl);
        boolean binance = market.kind() == MarketChoice.Kind.BINANCE;
        if (binance && o.speed != null) {
            throw new UsageException("--speed: Binance data runs in real time; --speed applies to the sandbox only");
        }
        if (binance && o.seed != null) throw new UsageException("--seed: applies to the sandbox only, not to Binance data");
        if (binance && o.start != null) throw new UsageException("--start: applies to the sandbox only; Binance data starts now");
        // live books and paper books never share a folder
        Path dataDir = o.dataDir != null ? o.dataDir : binance ? DataFolder.defaultDir().resolve((o.live ? "live-" : "")
                + binanceFolder(market)) : DataFolder.defaultDir();
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new UsageException("--data-dir: " + dataDir + " is a file, not a folder");
        }
        if (o.fleet != null && !Files.isRegularFile(o.fleet)) {
            throw new UsageException("--fleet: no such file " + o.fleet);
        }
        if (o.db != null && o.newDataFile) {
            throw new UsageException("--new-data-file: applies to the data folder's SQLite file, not to a --db server");
        }
        return new Settings(o.headless, dataDir, o.fleet, binance ? 1 : speed(o.speed), seed(o.seed), duration(o.duration),
                start(o.start), o.newDataFile, o.acceptBrokerView, o.debug, killSwitch(o.killSwitch), market, o.live, keepOutside,
                store(o.db, dataDir, System.getenv("FLOTILLA_DB_PASSWORD")));
    }

    /** The data folder's file, or the --db server (its password from the environment when the address has none). */
    static StoreLocation store(String db, Path dataDir, String envPassword) {
        if (db == null) return StoreLocation.folder(dataDir);
        try {
            StoreLocation.Server s = (StoreLocation.Server) StoreLocation.server(db);
            return s.password() == null && envPassword != null ? new StoreLocation.Server(s.jdbcUrl(), s.user(), envPassword) : s;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db: " + e.getMessage());
        }
    }

    static MarketChoice market(String market, String url) {
        if (market != null && !market.trim().equalsIgnoreCase("sandbox") && !market.trim().equalsIgnoreCase("binance")) {
            throw new UsageException("--market: must be sandbox or binance, got '" + market + "'");
        }
        if (url != null && (market == null || market.trim().equalsIgnoreCase("sandbox"))) {
            throw new UsageException("--binance-url: applies only with --market binance");
        }
        try {
            return MarketChoice.parse(market, url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--binance-url: " + e.getMessage().replace("Binance URL ", ""));
        }
    }

    /** "BTC=0.5,USDT=1000", checked and normalised. */
    static String keepOutside(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || !kv[0].trim().matches("[A-Za-z0-9]{2,12}")) {
                throw new UsageException("--keep-outside: expected ASSET=QTY,... such as BTC=0.5,USDT=1000, got '" + part.trim() + "'");
            }
            try {
                java.math.BigDecimal q = new java.math.BigDecimal(kv[1].trim());
                if (q.signum() < 0) throw new NumberFormatException();
                out.append(out.isEmpty() ? "" : ",").append(kv[0].trim().toUpperCase(java.util.Locale.ROOT)).append('=')
                        .append(q.toPlainString());
            } catch (NumberFormatException e) {
                throw new UsageException("--keep-outside: '" + kv[1].trim() + "' is not an amount of " + kv[0].trim());
            }
        }
        return out.toString();
    }

    /** Each Binance endpoint keeps its own default data folder beside the sandbox's: their prices never mix. */
    static String binanceFolder(MarketChoice m) {
        if (MarketChoice.PRODUCTION_URL.equals(m.binanceUrl())) return "binance";
        if (m.isTestnet()) return "binance-testnet";
        URI u = URI.create(m.binanceUrl());
        return ("binance-" + u.getHost() + (u.getPort() > 0 ? "-" + u.getPort() : "")).replaceAll("[^A-Za-z0-9.-]", "-");
    }

    /** null when the option is absent: the stored switch stays as it is. */
    static Boolean killSwitch(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--kill-switch: must be on or off, got '" + s + "'");
        };
    }

    static double speed(String s) {
        if (s == null) return 60;
        if (s.equalsIgnoreCase("max")) return MAX_SPEED;
        try {
            double v = Double.parseDouble(s);
            if (v >= 1 && v <= 100_000) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--speed: must be a number from 1 to 100000 or 'max', got '" + s + "'");
    }

    static Long seed(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: must be a whole number, got '" + s + "'");
        }
    }

    static Long start(String s) {
        return date("--start", s);
    }

    /** A day (UTC midnight) like 2026-01-05, or an instant like 2026-01-05T12:00:00Z; null stays null. */
    static Long date(String option, String s) {
        if (s == null) return null;
        try {
            String t = s.trim();
            if (t.contains("T")) return java.time.Instant.parse(t).toEpochMilli();
            return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + ": must be a date like 2026-01-05 (UTC), got '" + s + "'");
        }
    }

    static Duration duration(String s) {
        if (s == null) return null;
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--duration: must be a positive number followed by m, h or d (e.g. 90m, 6h, 7d), got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofDays(3650)) > 0) throw new UsageException("--duration: at most 3650d, got '" + s + "'");
        return d;
    }
}
