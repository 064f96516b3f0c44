package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.market.binance.FakeBinance;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    static final long JAN = 1_735_689_600_000L;  // 2025-01-01T00:00:00Z
    static final long H = 3_600_000;

    @TempDir
    Path dir;

    static String rows(int n, long micros) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long open = JAN + i * H;
            b.append(open * micros).append(",3300.5,3310.0,3290.1,3305.2,1200.5,").append((open + H) * micros - 1)
                    .append(",3966000.0,5120,600.2,1983000.0,0\n");
        }
        return b.toString();
    }

    @Test
    void importsArchiveFilesIntoTheDataFolderAndSaysWhatItRead() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archive.resolve("ETHUSDT-1h-2025-01-01.csv"), rows(24, 1));
        Files.writeString(archive.resolve("ETHUSDT-1h-2025-01-02.csv"), rows(48, 1000).lines().skip(24)
                .reduce("", (a, l) -> a + l + "\n"));
        Path data = dir.resolve("data");
        var r = CommandLineTest.run("history", "import", archive.toString(), "--data-dir", data.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("ETHUSDT 1h: 48 candles, 2025-01-01T00:00:00Z to 2025-01-03T00:00:00Z")
                .contains("imported 48 candles (48 new) of 1 feeds");
        try (Store store = new Store(Database.open(data))) {
            assertThat(store.candles(new Feed(new Symbol("ETH", "USDT"), Timeframe.H1), JAN + 48 * H, 100)).hasSize(48);
        }
    }

    @Test
    void aBadRowImportsNothingAndIsNamed() throws Exception {
        Path file = dir.resolve("ETHUSDT-1h-2025-01-01.csv");
        Files.writeString(file, rows(3, 1) + "oops,1,1,1,1,1,1,0,0,0,0,0\n");
        Path data = dir.resolve("data");
        var r = CommandLineTest.run("history", "import", file.toString(), "--data-dir", data.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("ETHUSDT-1h-2025-01-01.csv:4: open time 'oops' is not a whole number")
                .contains("1 bad row, nothing was imported");
        try (Store store = new Store(Database.open(data))) {
            assertThat(store.count("candles")).isZero();
        }
    }

    @Test
    void aSandboxFolderIsRefusedUntouched() throws Exception {
        Path data = dir.resolve("sandbox");
        assertThat(CommandLineTest.run("--headless", "--data-dir", data.toString(), "--speed", "max", "--duration", "15m",
                "--seed", "3").status()).isZero();
        Path file = dir.resolve("ETHUSDT-1h-2025-01-01.csv");
        Files.writeString(file, rows(3, 1));
        long before = Files.size(data.resolve(Database.FILE_NAME));
        var r = CommandLineTest.run("history", "import", file.toString(), "--data-dir", data.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("trades the sandbox market").contains("use another --data-dir");
        assertThat(Files.size(data.resolve(Database.FILE_NAME))).isEqualTo(before);
        assertThat(CommandLineTest.run("history").err()).contains("say what to do: import FILE|DIR");
        assertThat(CommandLineTest.run("history", "import", dir.resolve("none.csv").toString(), "--data-dir",
                data.toString()).err()).contains("no such file or folder");
    }

    @Test
    void downloadsFromBinanceResumesAsksForNothingTwiceAndNamesWhatIsWrong() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long origin = today.minusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (FakeBinance fake = new FakeBinance(System::currentTimeMillis, 7, origin)) {
            Path data = dir.resolve("binance");
            String from = today.minusDays(5).toString();
            String to = today.minusDays(1).toString();
            var r = CommandLineTest.run("history", "download", "--symbols", "BTCUSDT,ETH/USDT", "--timeframes", "15m,1h,4h",
                    "--from", from, "--to", to, "--data-dir", data.toString(), "--binance-url", fake.url());
            assertThat(r.status()).as(r.err()).isZero();
            // four days: 384 candles of 15m, 96 of 1h, 24 of 4h per symbol, one request each
            assertThat(r.out()).contains("downloading 6 feed(s) from " + fake.url(), "BTCUSDT 15m: 384 new candles",
                    "ETHUSDT 4h: 24 new candles", "downloaded 1008 candles of 6 feeds", "in 6 pages");
            assertThat(r.err()).contains("[####################] 100% 6/6 feeds, 1008 of 1008 candles, ETA 0s");
            assertThat(fake.klines()).hasSize(6);
            try (Store store = new Store(Database.open(data))) {
                assertThat(store.count("candles")).isEqualTo(1008);
                Feed eth15 = new Feed(new Symbol("ETH", "USDT"), Timeframe.M15);
                assertThat(store.candlesFrom(eth15, 0, Long.MAX_VALUE / 2, 1_000).getFirst().openTime()).isEqualTo(origin);
            }

            var again = CommandLineTest.run("history", "download", "--symbols", "BTC/USDT,ETHUSDT", "--from", from, "--to", to,
                    "--data-dir", data.toString(), "--binance-url", fake.url());
            assertThat(again.status()).as(again.err()).isZero();
            assertThat(again.out()).contains("downloaded 0 candles of 6 feeds");
            assertThat(fake.klines()).hasSize(6);

            var unknown = CommandLineTest.run("history", "download", "--symbols", "BTCUSDT,NOPEUSDT", "--timeframes", "1h",
                    "--from", from, "--data-dir", data.toString(), "--binance-url", fake.url());
            assertThat(unknown.status()).isEqualTo(1);
            assertThat(unknown.err()).contains("Binance does not list NOPEUSDT (code -1121, invalid symbol)",
                    "run the same command again to resume");

            // the folder now holds this endpoint's data: the archive's production prices are refused
            Path file = dir.resolve("ETHUSDT-1h-2025-01-01.csv");
            Files.writeString(file, rows(3, 1));
            var im = CommandLineTest.run("history", "import", file.toString(), "--data-dir", data.toString());
            assertThat(im.status()).isEqualTo(2);
            assertThat(im.err()).contains("trades Binance data from " + fake.url());
        }
    }

    @Test
    void badDownloadOptionsAreRefusedBeforeAnythingIsTouched() {
        Path data = dir.resolve("data");
        String[][] cases = {
                {"--timeframes: timeframe must be one of 15m, 1h, 4h, got '5m'", "--symbols", "BTCUSDT", "--timeframes", "5m",
                        "--from", "2025-01-01"},
                {"--symbols: 'BTC' is not a symbol like BTCUSDT or BTC/USDT", "--symbols", "BTC", "--from", "2025-01-01"},
                {"--from 2025-02-01 is not before --to 2025-01-01", "--symbols", "BTCUSDT", "--from", "2025-02-01", "--to",
                        "2025-01-01"},
                {"--from: must be a date like 2026-01-05 (UTC), got 'soon'", "--symbols", "BTCUSDT", "--from", "soon"},
                {"--binance-url: must be production, testnet or an http(s) URL", "--symbols", "BTCUSDT", "--from", "2025-01-01",
                        "--binance-url", "ftp://x"},
                {"Missing required option: '--from=DATE'", "--symbols", "BTCUSDT"},
        };
        for (String[] c : cases) {
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("history", "download"));
            all.addAll(java.util.Arrays.asList(c).subList(1, c.length));
            all.addAll(java.util.List.of("--data-dir", data.toString()));
            var r = CommandLineTest.run(all.toArray(String[]::new));
            assertThat(r.status()).as(String.join(" ", all) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(c[0]);
        }
        assertThat(Files.exists(data)).isFalse();
    }
}
