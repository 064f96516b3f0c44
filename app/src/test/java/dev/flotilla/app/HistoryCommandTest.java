package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
