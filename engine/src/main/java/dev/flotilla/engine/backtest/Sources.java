package dev.flotilla.engine.backtest;

import dev.flotilla.engine.clock.EngineClock;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.market.MarketData;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The history a backtest runs on, made once and shared by every run of a sweep (each run sees it on its own engine
 * clock): the sandbox's invented candles for a seed, or the candles stored in a data folder.
 */
public final class Sources {

    /** A history and what to call it in reports and stored runs. */
    public record Source(String label, HistoryMarket history) {
        /** The market for one run, on that run's engine clock. */
        public Function<EngineClock, MarketData> market() {
            return history::on;
        }
    }

    /** The period is not covered: which feeds lack what. */
    public static final class MissingHistoryException extends RuntimeException {
        public MissingHistoryException(String message) {
            super(message);
        }
    }

    private static final EngineClock BEFORE_ANY_RUN = () -> 0;

    private Sources() {
    }

    /**
     * The sandbox's candles of the period for a seed, made once from {@link Backtest#SANDBOX_ORIGIN}: its price at a
     * 15-minute mark is then that candle's close, which is the sandbox's own price at that instant.
     */
    public static Source sandbox(long seed, Collection<Feed> feeds, long from, long to) {
        checkSandboxStart(from);
        SandboxMarket sandbox = new SandboxMarket(seed, Backtest.SANDBOX_ORIGIN, () -> to);
        return new Source("sandbox seed " + seed,
                HistoryMarket.from(sandbox, feeds, from, to, EngineConfig.defaults().window(), BEFORE_ANY_RUN));
    }

    /** A sandbox backtest must start late enough after the origin for the strategies' window of candles. */
    public static void checkSandboxStart(long from) {
        if (from < Backtest.earliestSandboxStart()) {
            throw new IllegalArgumentException("the sandbox's history begins " + Instant.ofEpochMilli(Backtest.SANDBOX_ORIGIN)
                    + " and the strategies need " + Instant.ofEpochMilli(Backtest.earliestSandboxStart())
                    + " or later to have their window of candles");
        }
    }

    /**
     * The stored candles of the feeds; every feed must cover the whole period.
     *
     * @param warnings told of gaps inside the period (the bots skip those closes)
     * @throws MissingHistoryException naming each feed that does not cover the period
     */
    public static Source stored(Store store, String label, Collection<Feed> feeds, long from, long to,
                                java.util.function.Consumer<String> warnings) {
        HistoryMarket loaded = HistoryMarket.load(store, feeds, from, to, EngineConfig.defaults().window(), BEFORE_ANY_RUN);
        List<String> missing = new ArrayList<>();
        for (Feed feed : feeds) {
            HistoryMarket.Coverage c = loaded.coverage(feed, from, to);
            String name = feed.symbol().compact() + " " + feed.timeframe().label();
            if (c.candles() == 0) {
                missing.add(name);
                continue;
            }
            long tf = feed.timeframe().millis();
            if (c.firstOpen() > Math.ceilDiv(from, tf) * tf || c.lastClose() < Math.floorDiv(to, tf) * tf) {
                missing.add(name + " (stored only " + Instant.ofEpochMilli(c.firstOpen()) + " to " + Instant.ofEpochMilli(c.lastClose()) + ")");
            } else if (!c.gaps().isEmpty()) {
                warnings.accept(name + " has gaps in its history, e.g. at " + Instant.ofEpochMilli(c.gaps().getFirst())
                        + "; its bots skip those closes");
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingHistoryException("the stored history does not cover the period for " + String.join(", ", missing)
                    + "; import it with flotilla history import, or run on the sandbox with a seed");
        }
        return new Source(label, loaded);
    }
}
