package dev.flotilla.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.OnBothStores;
import dev.flotilla.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@OnBothStores
class HistoryImportTest {

    static final long JAN = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long TF = 900_000;
    static final Feed BTC_15M = new Feed(new Symbol("BTC", "USDT"), Timeframe.M15);

    @TempDir
    Path dir;

    /** A row as the archive writes it; {@code micros} writes the times as the 2025 spot files do. */
    static String row(int i, boolean micros) {
        long open = JAN + i * TF;
        long close = open + TF - 1;
        String o = micros ? open * 1000 + "" : open + "";
        String c = micros ? (close * 1000 + 999) + "" : close + "";
        double p = 94_000 + i;
        return o + "," + p + "," + (p + 50) + "," + (p - 40) + "," + (p + 10) + ",12.5," + c + ",1175000.0,830,6.1,573000.0,0";
    }

    static String csv(int from, int to, boolean micros, boolean header) {
        StringBuilder b = new StringBuilder();
        if (header) b.append("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n");
        for (int i = from; i < to; i++) b.append(row(i, micros)).append('\n');
        return b.toString();
    }

    void zip(Path file, String entry, String text) throws Exception {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
    }

    @Test
    void millisecondAndMicrosecondFilesZippedOrNotGiveTheSameCandles() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        zip(archive.resolve("BTCUSDT-15m-2025-01-01.zip"), "BTCUSDT-15m-2025-01-01.csv", csv(0, 96, false, false));
        Files.writeString(archive.resolve("BTCUSDT-15m-2025-01-02.csv"), csv(96, 192, true, true));
        try (Store store = new Store(TestStores.open(dir.resolve("data")))) {
            HistoryImport.Result r = HistoryImport.from(archive, store);
            assertThat(r.read()).containsOnlyKeys(BTC_15M);
            assertThat(r.candles()).isEqualTo(192);
            assertThat(r.added()).isEqualTo(192);
            List<Candle> stored = store.candles(BTC_15M, JAN + 192 * TF, 1_000);
            assertThat(stored).hasSize(192);
            for (int i = 0; i < 192; i++) {
                assertThat(stored.get(i).openTime()).isEqualTo(JAN + i * TF);
                assertThat(stored.get(i).close()).isEqualTo(94_000 + i + 10);
            }
            // again: nothing new, nothing doubled
            assertThat(HistoryImport.from(archive, store).added()).isZero();
            assertThat(store.count("candles")).isEqualTo(192);
        }
    }

    @Test
    void badRowsAreNamedByFileAndLineAndNothingIsImported() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archive.resolve("ETHUSDT-15m-2025-01.csv"), csv(0, 10, false, false));  // good, and not kept either
        String bad = csv(0, 5, false, false).lines().toList().get(0) + "\n"
                + "1735690500000,94001,abc,93961,94011,1,1735691399999,0,0,0,0,0\n"           // line 2: not a number
                + "1735691400000,94002,93900,93962,94012,1,1735692299999,0,0,0,0,0\n"         // line 3: high below low
                + "1735692300000,94003,94053,93963,94013,1,1735692300000,0,0,0,0,0\n";        // line 4: close time wrong
        Files.writeString(archive.resolve("BTCUSDT-15m-2025-01-01.csv"), bad);
        Files.writeString(archive.resolve("notes.csv"), "hello\n");
        try (Store store = new Store(TestStores.open(dir.resolve("data")))) {
            assertThatThrownBy(() -> HistoryImport.from(archive, store))
                    .isInstanceOfSatisfying(HistoryImportException.class, e -> assertThat(e.problems()).containsExactly(
                            "BTCUSDT-15m-2025-01-01.csv:2: high 'abc' is not a number",
                            "BTCUSDT-15m-2025-01-01.csv:3: candle at 1735691400000 has high below low",
                            "BTCUSDT-15m-2025-01-01.csv:4: close time 1735692300000 is not one timeframe after open time 1735692300000",
                            "notes.csv: the name does not look like an archive kline file (SYMBOL-TIMEFRAME-DATE.csv, e.g. BTCUSDT-15m-2025-01.csv)"))
                    .hasMessageStartingWith("4 bad rows, nothing was imported");
            assertThat(store.count("candles")).isZero();
        }
    }

    @Test
    void aFileOfATimeframeTheFleetDoesNotTradeIsNamed() throws Exception {
        Path f = dir.resolve("BTCUSDT-1m-2025-01-01.csv");
        Files.writeString(f, csv(0, 3, false, false));
        assertThatThrownBy(() -> KlineArchive.read(f)).isInstanceOf(HistoryImportException.class)
                .hasMessageContaining("BTCUSDT-1m-2025-01-01.csv: timeframe must be one of 15m, 1h, 4h, got '1m'");
        assertThatThrownBy(() -> KlineArchive.read(dir.resolve("missing"))).hasMessageStartingWith("no such file or folder");
    }
}
