package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.market.binance.FakeBinance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --market binance} end to end through the command line, against a local fake Binance whose clock reads
 * 55 s past a minute when the app first asks for it, so that a run of {@code --duration 1m} (from the minute the
 * app started in) takes a few seconds of real time.
 */
class BinanceCommandLineTest {

    @TempDir
    Path dir;

    /** A fake Binance whose clock reads {@code msPastMinute} past a minute at the app's first request. */
    private static FakeBinance fakeBinance(long msPastMinute) throws Exception {
        long now = System.currentTimeMillis();
        AtomicLong skew = new AtomicLong(Long.MIN_VALUE);
        LongSupplier clock = () -> {
            long t = System.currentTimeMillis();
            skew.compareAndSet(Long.MIN_VALUE, Math.floorMod(msPastMinute - Math.floorMod(t, 60_000), 60_000));
            return t + skew.get();
        };
        FakeBinance fake = new FakeBinance(clock, 7, now - Duration.ofDays(90).toMillis());
        skew.set(Long.MIN_VALUE);   // the fake read its clock while starting; the app's first request sets it
        return fake;
    }

    @Test
    void aHeadlessRunOnBinanceDataBackfillsTradesOnPaperAndKeepsItsFolder() throws Exception {
        try (FakeBinance fake = fakeBinance(55_000)) {
            Path data = dir.resolve("binance");
            CommandLineTest.Result r = CommandLineTest.run("--headless", "--market", "binance", "--binance-url", fake.url(),
                    "--data-dir", data.toString(), "--duration", "1m");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("Binance market data from " + fake.url(), "budget 4800 of 6000",
                    "backfill done: 39 feeds, 39 page(s), 11700 candle(s)", "45 bots, PAPER on Binance data, prices from "
                            + fake.url(), "Summary:");
            assertThat(fake.requests()).extracting(FakeBinance.Request::path).startsWith("/api/v3/time", "/api/v3/exchangeInfo");
            assertThat(fake.requests()).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
            assertThat(data.resolve("flotilla.db")).exists();

            // the folder stays Binance's
            CommandLineTest.Result sandbox = CommandLineTest.run("--headless", "--data-dir", data.toString(), "--duration", "1h");
            assertThat(sandbox.status()).isEqualTo(2);
            assertThat(sandbox.err()).contains("trades the binance market, not sandbox");
            CommandLineTest.Result otherUrl = CommandLineTest.run("--headless", "--market", "binance", "--data-dir",
                    data.toString(), "--duration", "1m");
            assertThat(otherUrl.status()).isEqualTo(2);
            assertThat(otherUrl.err()).contains("has its Binance data from " + fake.url());
            assertThat(Files.exists(data.resolve("flotilla.db"))).isTrue();
        }
    }

    /**
     * Engine time moves at events, every 10 s on Binance in real time, and the status comes every 5 s: each line
     * used to be printed twice. A run of about 40 s prints each one once.
     */
    @Test
    void aHeadlessRunOnBinanceDataPrintsEachStatusLineOnce() throws Exception {
        try (FakeBinance fake = fakeBinance(20_000)) {
            CommandLineTest.Result r = CommandLineTest.run("--headless", "--market", "binance", "--binance-url", fake.url(),
                    "--data-dir", dir.resolve("binance").toString(), "--duration", "1m");
            assertThat(r.status()).as(r.err()).isZero();
            List<String> status = r.out().lines().filter(l -> l.contains("  PAPER on Binance data  running ")).toList();
            assertThat(status).as(r.out()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            assertThat(r.out().lines().filter(l -> l.startsWith("Summary:"))).hasSize(1);
        }
    }
}
