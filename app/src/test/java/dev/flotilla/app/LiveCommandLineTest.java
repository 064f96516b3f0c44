package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.market.binance.FakeBinance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --live} end to end: refused without keys or with keys that may withdraw, armed with the kill switch on. */
class LiveCommandLineTest {

    static final String KEY = "live-test-key-0123456789abcdef";
    static final String SECRET = "live-test-secret-NEVER-to-be-written-anywhere";

    @TempDir
    Path dir;

    @Test
    void withoutKeysItSaysSoInOneLineAndTouchesNothing() throws Exception {
        Path data = dir.resolve("live");
        Path out = dir.resolve("no-keys.out");
        Process p = ChildProcess.start(data, out, Map.of("HOME", dir.resolve("home").toString()), "--live", "--binance-url",
                "http://127.0.0.1:9");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        // (the test class path's logging prints to the console too; the app's own logs go to files only)
        List<String> lines = Files.readAllLines(out).stream().filter(l -> l.startsWith("flotilla:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("flotilla: --live needs Binance API keys").contains("FLOTILLA_BINANCE_API_KEY");
        assertThat(Files.readString(out)).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(data).doesNotExist();
    }

    @Test
    void aPaperFolderNeverTurnsLive() throws Exception {
        Path data = dir.resolve("paper");
        try (FakeBinance fake = new FakeBinance(System::currentTimeMillis, 7, System.currentTimeMillis() - Duration.ofDays(90).toMillis())) {
            Files.createDirectories(data);
            try (var store = new dev.flotilla.engine.store.Store(dev.flotilla.engine.store.Database.open(data))) {
                store.write(tx -> {
                    tx.setting(dev.flotilla.engine.config.EngineSettings.MARKET, "binance");
                    tx.setting(dev.flotilla.engine.config.EngineSettings.BINANCE_URL, fake.url());
                });
            }
            CommandLineTest.Result r = CommandLineTest.run("--headless", "--live", "--binance-url", fake.url(), "--data-dir", data.toString());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("holds paper trading's books");
        }
    }

    @Test
    void keysThatMayWithdrawAreRefusedAndALiveFolderStartsHaltedWithoutLeakingTheSecret() throws Exception {
        long now = System.currentTimeMillis();
        AtomicLong skew = new AtomicLong(Long.MIN_VALUE);
        LongSupplier clock = () -> {  // 55 s past a minute at the first request: a one-minute run takes seconds
            long t = System.currentTimeMillis();
            skew.compareAndSet(Long.MIN_VALUE, Math.floorMod(55_000 - Math.floorMod(t, 60_000), 60_000));
            return t + skew.get();
        };
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                {"bots": [
                  {"id": "ema-btc-15m", "strategy": "ema-rsi", "symbol": "BTC/USDT", "timeframe": "15m", "capital": 1000},
                  {"id": "rsi-eth-15m", "strategy": "rsi-reversion", "symbol": "ETH/USDT", "timeframe": "15m", "capital": 500}
                ]}""");
        Map<String, String> env = Map.of("FLOTILLA_BINANCE_API_KEY", KEY, "FLOTILLA_BINANCE_SECRET", SECRET,
                "HOME", dir.resolve("home").toString());
        try (FakeBinance fake = new FakeBinance(clock, 7, now - Duration.ofDays(90).toMillis())) {
            fake.apiKey(KEY, SECRET).permissions(true, true).balance("USDT", "2000").balance("BTC", "0").balance("ETH", "0");
            skew.set(Long.MIN_VALUE);
            Path data = dir.resolve("live");
            Path out = dir.resolve("withdraw.out");
            Process p = ChildProcess.start(data, out, env, "--live", "--binance-url", fake.url(), "--fleet", fleet.toString(),
                    "--duration", "1m");
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(out)).isEqualTo(2);
            assertThat(Files.readString(out)).contains("live trading refused: the keys live…cdef may withdraw funds");

            fake.permissions(true, false);
            skew.set(Long.MIN_VALUE);
            out = dir.resolve("live.out");
            p = ChildProcess.start(data, out, env, "--live", "--binance-url", fake.url(), "--fleet", fleet.toString(),
                    "--duration", "1m");
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String printed = Files.readString(out);
            assertThat(p.exitValue()).as(printed).isZero();
            assertThat(printed).contains("live capital from the Binance account, bot by bot:", "ema-btc-15m      1000 USDT",
                    "kill switch ON", "LIVE on Binance");
            // halted: nothing was sent
            assertThat(fake.requests()).noneMatch(q -> q.path().equals("/api/v3/order") && q.method().equals("POST"));
            assertThat(fake.requests()).anyMatch(q -> q.path().equals("/api/v3/account"));

            // the folder is live from now on: without --live it is refused
            CommandLineTest.Result paper = CommandLineTest.run("--headless", "--market", "binance", "--binance-url", fake.url(),
                    "--data-dir", data.toString(), "--duration", "1m");
            assertThat(paper.status()).isEqualTo(2);
            assertThat(paper.err()).contains("trades with real money: start it with --live");

            // the secret is nowhere in the data folder, its logs or what was printed
            assertThat(printed).doesNotContain(SECRET);
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(f.toString()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 16));
                }
            }
        }
    }
}
