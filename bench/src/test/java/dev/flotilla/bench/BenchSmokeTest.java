package dev.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command works end to end at a tiny size. It asserts nothing about speed: that is what it measures. */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyPartRunsAtATinySizeAndTheTableIsPrintedAndWrittenAsMarkdown() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path md = dir.resolve("out/benchmarks.md");
        int status = Bench.run(new String[] {"--fleets", "3", "--duration", "1", "--strategy-bars", "400",
                "--console-seconds", "1", "--console-warmup", "0", "--backtest-days", "2", "--sweep-sets", "2", "--sweep-days", "2", "--restart-runs", "1", "--store-bots", "3", "--store-hours", "1", "--work", dir.resolve("work").toString(), "--markdown", md.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isZero();
        for (String area : new String[] {"strategy throughput", "decision latency, 3 bots", "simulated day", "store, 3 bots",
                "memory, 3 bots headless", "restart to first tick, 45 bots", "console, 3 bots at full speed", "console start", "market data, 3 bots", "store on SQLite, 3 bots", "store on PostgreSQL", "backtest, default fleet",
            "sweep, one bot"}) {
            assertThat(out).as(out).contains(area);
        }
        assertThat(Files.readString(md)).startsWith("| area | measure | value | target | met |").contains("Command: `");
    }

    @Test
    void childJvmsGetTheInstalledLaunchersOptionsWithHomeReplaced() {
        List<String> options = LauncherOptions.of(dir);
        assertThat(options).contains("-Xmx1g", "--enable-native-access=ALL-UNNAMED").noneMatch(o -> o.contains("$HOME"));
        if (LauncherOptions.os().equals("linux")) {
            assertThat(options).contains("-XX:SharedArchiveFile=" + dir + "/.cache/flotilla/flotilla.jsa");
        }
    }

    @Test
    void aBadOptionIsAUsageError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(Bench.run(new String[] {"--fleets", "many"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
