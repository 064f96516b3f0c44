package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flotilla fleet apply}: on a stopped folder, and through the inbox of the app that holds the folder. */
class FleetApplyCommandTest {

    static final String EMA_BTC = "{\"id\": \"ema-btc-15m\", \"strategy\": \"ema-rsi\", \"symbol\": \"BTC/USDT\", \"timeframe\": \"15m\"}";

    @TempDir
    Path dir;

    /** The default fleet with ema-btc-15m's fast period at 10 and one bot more. */
    Path modifiedFleet(String newBot) throws Exception {
        String json = Files.readString(Path.of("..", "resources", "fleet.json"), StandardCharsets.UTF_8);
        assertThat(json).contains(EMA_BTC);
        json = json.replace(EMA_BTC, EMA_BTC.replace("}", ", \"params\": {\"fastPeriod\": 10}},\n    {\"id\": \"" + newBot
                + "\", \"strategy\": \"donchian-breakout\", \"symbol\": \"SOL/USDT\", \"timeframe\": \"15m\", \"capital\": 2500}"));
        Path file = dir.resolve(newBot + ".json");
        Files.writeString(file, json);
        return file;
    }

    static List<String> botIds(Path data) {
        try (Store store = new Store(Database.open(data))) {
            return store.bots().stream().map(BotSpec::id).toList();
        }
    }

    @Test
    void onAStoppedFolderTheDryRunPrintsThePlanAndApplyingChangesTheFleet() throws Exception {
        Path data = dir.resolve("data");
        var first = CommandLineTest.run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7", "--duration", "1d");
        assertThat(first.status()).as(first.err()).isZero();
        Path file = modifiedFleet("donch-sol-15m-b");

        var dry = CommandLineTest.run("fleet", "apply", file.toString(), "--data-dir", data.toString(), "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Flotilla is not running on it", "Add (1):",
                "+ donch-sol-15m-b: donchian-breakout on SOL/USDT 15m, 2500 USDT, starts running", "Change (1):",
                "~ ema-btc-15m: ema-rsi on BTC/USDT 15m, 10000 USDT", "params fastPeriod 9 → 10",
                "1 to add, 1 to change, 0 to remove, 44 unchanged");
        assertThat(botIds(data)).hasSize(45);

        var applied = CommandLineTest.run("fleet", "apply", file.toString(), "--data-dir", data.toString(), "--yes");
        assertThat(applied.status()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("applied:", "1 to add, 1 to change, 0 to remove, 44 unchanged");
        assertThat(botIds(data)).hasSize(46).contains("donch-sol-15m-b");
        assertThat(Files.readString(data.resolve("logs").resolve("flotilla.log"))).contains("fleet file applied: 1 to add");

        // the next run trades the new fleet
        var again = CommandLineTest.run("--headless", "--data-dir", data.toString(), "--speed", "max", "--duration", "2d");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("46 bots");

        var bad = CommandLineTest.run("fleet", "apply", dir.resolve("nope.json").toString(), "--data-dir", data.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("no such file");
    }

    @Test
    void theRunningAppAppliesAFileFromItsInboxAndASecondAppIsRefused() throws Exception {
        Path data = dir.resolve("running");
        Path log = dir.resolve("app.out");
        Process app = ChildProcess.start(data, log, "--speed", "60", "--seed", "7");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(log) && Files.readString(log).contains("Flotilla:")) && System.nanoTime() < deadline) {
                assertThat(app.isAlive()).as("the app runs").isTrue();
                Thread.sleep(50);
            }

            var second = CommandLineTest.run("--headless", "--data-dir", data.toString());
            assertThat(second.status()).isEqualTo(1);
            assertThat(second.err().strip().lines()).hasSize(1);
            assertThat(second.err()).contains("is in use by another Flotilla (process " + app.pid() + ")");

            Path file = modifiedFleet("donch-sol-15m-c");
            var dry = CommandLineTest.run("fleet", "apply", file.toString(), "--data-dir", data.toString(), "--dry-run");
            assertThat(dry.status()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("for the running Flotilla", "process " + app.pid(), "+ donch-sol-15m-c",
                    "params fastPeriod 9 → 10");

            Path broken = dir.resolve("broken.json");
            Files.writeString(broken, Files.readString(file).replace("\"donchian-breakout\", \"symbol\": \"SOL/USDT\"",
                    "\"donchian-brekout\", \"symbol\": \"SOL/USDT\""));
            var refused = CommandLineTest.run("fleet", "apply", broken.toString(), "--data-dir", data.toString(), "--yes");
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("refused and nothing was changed", "(donch-sol-15m-c).strategy: unknown strategy 'donchian-brekout'");

            var applied = CommandLineTest.run("fleet", "apply", file.toString(), "--data-dir", data.toString(), "--yes");
            assertThat(applied.status()).as(applied.err()).isZero();
            assertThat(applied.out()).contains("applied:", "+ donch-sol-15m-c", "1 to add, 1 to change");
            try (var inbox = Files.list(FleetInbox.folder(data))) {
                assertThat(inbox.toList()).as("the inbox is empty once answered").isEmpty();
            }
        } finally {
            app.destroy();  // SIGTERM: a clean stop
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).contains("Flotilla: 45 bots");
        assertThat(botIds(data)).hasSize(46).contains("donch-sol-15m-c");
        assertThat(Files.readString(data.resolve("logs").resolve("flotilla.log")))
                .contains("fleet file applied: 1 to add, 1 to change", "bot donch-sol-15m-c created");
    }
}
