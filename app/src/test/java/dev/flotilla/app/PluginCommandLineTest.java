package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.plugin.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plug-in in a data folder, as the command line meets it. */
class PluginCommandLineTest {

    @TempDir
    Path dir;

    private static Path example() throws java.io.IOException {
        return dev.flotilla.engine.plugin.PluginJars.example();
    }

    @Test
    void aHeadlessRunSaysAJarWaitsAndHowToApproveItThenLoadsItOnceItsSha256IsBesideIt() throws Exception {
        Path data = dir.resolve("data");
        Path jar = Files.copy(example(), Files.createDirectories(data.resolve("plugins")).resolve("sma-cross.jar"));
        String sha = PluginLoader.sha256(Files.readAllBytes(jar));
        String[] args = {"--headless", "--speed", "max", "--duration", "1h", "--seed", "7", "--data-dir", data.toString()};
        var first = CommandLineTest.run(args);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("plug-in sma-cross.jar is not loaded: it waits for approval. SHA-256 " + sha
                + ". Approve it in the console, or check the SHA-256 and put it in sma-cross.jar.sha256 beside it");

        Files.writeString(data.resolve("plugins/sma-cross.jar.sha256"), sha + "  sma-cross.jar\n");
        var second = CommandLineTest.run(args);
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("plug-in sma-cross.jar: loaded").doesNotContain("waits for approval");
    }

    @Test
    void aBacktestRunsAPluginStrategyOnTheSameEngine() throws Exception {
        Path data = dir.resolve("data");
        Path jar = Files.copy(example(), Files.createDirectories(data.resolve("plugins")).resolve("sma-cross.jar"));
        Files.writeString(data.resolve("plugins/sma-cross.jar.sha256"), PluginLoader.sha256(Files.readAllBytes(jar)));
        Path fleet = Files.writeString(dir.resolve("fleet.json"), """
                {"bots": [
                  {"id": "sma-btc-15m", "strategy": "sma-cross", "symbol": "BTC/USDT", "timeframe": "15m",
                   "params": {"fastPeriod": 8, "slowPeriod": 21}},
                  {"id": "ema-btc-15m", "strategy": "ema-rsi", "symbol": "BTC/USDT", "timeframe": "15m"}
                ]}
                """);
        var r = CommandLineTest.run("backtest", "--fleet", fleet.toString(), "--from", "2026-01-01", "--to", "2026-01-08",
                "--seed", "7", "--data-dir", data.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("sma-btc-15m", "ema-btc-15m");
        assertThat(r.out()).containsPattern("sma-btc-15m\\s.*\\s[1-9][0-9]*\\s");  // it traded

        // without the approval the strategy is not there, and the command says so
        Files.delete(data.resolve("plugins/sma-cross.jar.sha256"));
        var refused = CommandLineTest.run("backtest", "--fleet", fleet.toString(), "--from", "2026-01-01", "--to", "2026-01-08",
                "--seed", "7", "--data-dir", data.toString());
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err()).contains("plug-in sma-cross.jar is not approved").contains("unknown strategy 'sma-cross'");
    }
}
