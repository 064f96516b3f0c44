package dev.flotilla.bench;

import dev.flotilla.engine.boot.Backfill;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.event.EventBus;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.market.binance.BinanceConfig;
import dev.flotilla.engine.market.binance.BinanceMarket;
import dev.flotilla.engine.market.binance.FakeBinance;
import dev.flotilla.engine.market.binance.VirtualClock;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Market data against the local fake Binance of the engine's tests, wired as the launcher wires --market binance:
 * the engine follows Binance's clock over HTTP from a quarter to midnight until past one in the morning, so it meets a
 * 15-minute, a 1-hour and a 4-hour close (midnight closes every timeframe at once). Counted per close: the klines
 * requests and their weight, against the feeds that closed.
 */
final class MarketSection {

    static final long ORIGIN = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    static final long START = Instant.parse("2026-01-04T23:46:00Z").toEpochMilli();
    static final long END = Instant.parse("2026-01-05T01:05:00Z").toEpochMilli();
    private static final long[] CLOSES = {
            Instant.parse("2026-01-05T00:15:00Z").toEpochMilli(),
            Instant.parse("2026-01-05T01:00:00Z").toEpochMilli(),
            Instant.parse("2026-01-05T00:00:00Z").toEpochMilli()};

    private MarketSection() {
    }

    static List<Figure> run(Path work, Fleets fleets, List<Integer> sizes, java.io.PrintStream progress) throws Exception {
        List<Figure> out = new ArrayList<>();
        for (int n : sizes) {
            progress.println("market data: " + n + " bots against the local fake Binance");
            out.addAll(measure(work.resolve("binance-" + n), fleets.of(n)));
        }
        return out;
    }

    private static List<Figure> measure(Path dir, List<BotSpec> fleet) throws Exception {
        VirtualClock local = new VirtualClock(START);
        try (FakeBinance fake = new FakeBinance(local::now, 7, ORIGIN); Store store = new Store(Database.open(dir))) {
            BinanceMarket market = new BinanceMarket(BinanceConfig.defaults(fake.url()).withTimeouts(5_000, 5_000), local);
            market.start(SandboxMarket.DEFAULT_SYMBOLS);
            long start = Math.floorDiv(market.clock().now(), 60_000) * 60_000;
            FleetSeeder.seedIfEmpty(store, fleet, start);
            Backfill.run(store, market, Backfill.feeds(store), market.clock(), 300, BinanceMarket.PAGE, line -> { });
            EventBus bus = new EventBus();
            TimedFetches timed = new TimedFetches(market);
            Engine engine = new Engine(store, timed, new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")),
                    StrategyRegistry.builtin(), EngineConfig.defaults().withSpeed(1), "PAPER on Binance data", bus);
            engine.follow(market.clock());
            engine.boot(start, market.clock().now());
            int before = fake.requests().size();
            engine.start(END);
            engine.awaitTermination();
            bus.close();
            if (engine.failure() != null) throw new IllegalStateException("the engine failed", engine.failure());
            List<FakeBinance.Request> requests = fake.requests();
            return figures(fleet, requests.subList(before, requests.size()), Backfill.feeds(store).size(), timed);
        }
    }

    private static List<Figure> figures(List<BotSpec> fleet, List<FakeBinance.Request> requests, int feeds,
                                        TimedFetches timed) {
        String area = "market data, " + fleet.size() + " bots";
        List<Figure> out = new ArrayList<>();
        for (long close : CLOSES) {
            Set<String> closing = new TreeSet<>();
            for (BotSpec b : fleet) {
                if (close % b.timeframe().millis() == 0) closing.add(b.symbol().compact() + " " + b.timeframe().label());
            }
            List<FakeBinance.Request> klines = requests.stream().filter(r -> r.path().endsWith("/klines"))
                    .filter(r -> Long.toString(close - 1).equals(r.query().get("endTime"))).toList();
            Set<String> asked = new TreeSet<>();
            klines.forEach(r -> asked.add(r.query().get("symbol") + " " + r.query().get("interval")));
            int weight = klines.stream().mapToInt(FakeBinance.Request::weight).sum();
            String what = "klines requests at a " + largest(close) + " close (" + closing.size() + " of " + feeds
                    + " feeds close)";
            boolean one = klines.size() == closing.size() && asked.equals(closing);
            out.add(Figure.target(area, what, klines.size() + " requests, weight " + weight,
                    "one per symbol-timeframe", one));
            if (close % Timeframe.H4.millis() == 0) out.addAll(lateness(area, close, klines, timed));
        }
        long prices = requests.stream().filter(r -> r.path().endsWith("/ticker/price")).count();
        long minutes = (END - START) / 60_000;
        int total = requests.stream().mapToInt(FakeBinance.Request::weight).sum();
        java.util.Map<Long, Integer> byMinute = new java.util.TreeMap<>();
        requests.forEach(r -> byMinute.merge(Math.floorDiv(r.serverTime(), 60_000L), r.weight(), Integer::sum));
        int busiest = byMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        out.add(Figure.info(area, "all requests in " + minutes + " min, " + prices + " of them the 10 s price loop's",
                requests.size() + " requests, weight " + total));
        out.add(Figure.info(area, "weight in the busiest minute (the budget is 4,800)", String.valueOf(busiest)));
        return out;
    }

    /** How late the last feed of a close was asked for on the server's clock, and the wall time the fetches took. */
    private static List<Figure> lateness(String area, long close, List<FakeBinance.Request> klines, TimedFetches timed) {
        long last = klines.stream().mapToLong(FakeBinance.Request::serverTime).max().orElse(close) - close;
        String wall = String.format(java.util.Locale.ROOT, "%.1f ms", timed.wallNanos(close) / 1e6);
        return List.of(
                Figure.target(area, "4h close to the last feed fetched (server clock; settle time 1 s included)",
                        String.format(java.util.Locale.ROOT, "%.1f s", last / 1000.0), "<= 10 s", last <= 10_000),
                Figure.info(area, "wall time from the 4h close's first fetch to its last reply (the ticks between included)", wall));
    }

    private static String largest(long close) {
        for (Timeframe tf : new Timeframe[] {Timeframe.H4, Timeframe.H1}) if (close % tf.millis() == 0) return tf.label();
        return "15m";
    }
}
