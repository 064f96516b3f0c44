package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<Path> filesIn(Path folder) throws Exception {
        if (!Files.exists(folder)) return List.of();
        try (Stream<Path> s = Files.walk(folder)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
    }

    private void rejected(String expected, String... args) throws Exception {
        Path data = dir.resolve("data");
        List<String> all = new ArrayList<>(List.of("--headless", "--data-dir", data.toString()));
        all.addAll(List.of(args));
        Result r = run(all.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(expected);
        assertThat(filesIn(data)).isEmpty();
    }

    @Test
    void badOptionsGetOneLineExitTwoAndTouchNothing() throws Exception {
        rejected("--frobnicate", "--frobnicate");
        rejected("--speed: must be a number from 1 to 100000 or 'max'", "--speed", "fast");
        rejected("--speed", "--speed", "0");
        rejected("--duration: must be a positive number followed by m, h or d", "--duration", "3 weeks");
        rejected("--duration", "--duration", "0h");
        rejected("--seed: must be a whole number", "--seed", "abc");
        rejected("--fleet: no such file", "--fleet", dir.resolve("nope.json").toString());
        rejected("--market: must be sandbox or binance, got 'nasdaq'", "--market", "nasdaq");
        rejected("--binance-url: must be production, testnet or an http(s) URL", "--market", "binance", "--binance-url", "ftp://example.com");
        rejected("--binance-url: must be production, testnet or an http(s) URL", "--market", "binance", "--binance-url", "prod");
        rejected("--binance-url: applies only with --market binance", "--binance-url", "testnet");
        rejected("--speed: Binance data runs in real time", "--market", "binance", "--speed", "60");
        rejected("--seed: applies to the sandbox only", "--market", "binance", "--seed", "7");
        rejected("--start: applies to the sandbox only", "--market", "binance", "--start", "2026-01-05");
        rejected("--kill-switch: must be on or off, got 'maybe'", "--kill-switch", "maybe");
    }

    @Test
    void aDataFolderKeepsItsMarket() throws Exception {
        Path data = dir.resolve("data");
        Result first = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7", "--duration", "1h");
        assertThat(first.status()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(data.resolve("flotilla.db"));
        Result binance = run("--headless", "--data-dir", data.toString(), "--market", "binance", "--binance-url", "testnet");
        assertThat(binance.status()).isEqualTo(2);
        assertThat(binance.err().strip().lines()).hasSize(1);
        assertThat(binance.err()).contains("trades the sandbox market, not binance", "another --data-dir");
        assertThat(Files.readAllBytes(data.resolve("flotilla.db"))).isEqualTo(before);
    }

    @Test
    void eachBinanceEndpointHasItsOwnDefaultFolder() {
        Options o = new Options();
        o.market = "binance";
        assertThat(Settings.from(o).dataDir()).isEqualTo(DataFolder.defaultDir().resolve("binance"));
        o.binanceUrl = "testnet";
        Settings testnet = Settings.from(o);
        assertThat(testnet.dataDir()).isEqualTo(DataFolder.defaultDir().resolve("binance-testnet"));
        assertThat(testnet.market().binanceUrl()).isEqualTo("https://testnet.binance.vision");
        assertThat(testnet.speed()).isEqualTo(1);
        o.binanceUrl = "http://127.0.0.1:8080/";
        assertThat(Settings.from(o).dataDir()).isEqualTo(DataFolder.defaultDir().resolve("binance-127.0.0.1-8080"));
        assertThat(Settings.from(o).market().binanceUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(Settings.from(new Options()).dataDir()).isEqualTo(DataFolder.defaultDir());
    }

    @Test
    void aBadFleetFileIsNamedAndNothingIsCreated() throws Exception {
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, "{\"bots\": [{\"id\": \"x\", \"strategy\": \"ema-rsi\", \"symbol\": \"BTC/USDT\", \"timeframe\": \"1h\", \"capital\": -5}]}");
        rejected("bots[0].capital", "--fleet", fleet.toString());
        Files.writeString(fleet, "{\"bots\": [");
        rejected("not valid JSON", "--fleet", fleet.toString());
    }

    @Test
    void aSeedOtherThanTheFoldersIsRefusedWithoutChangingIt() throws Exception {
        Path data = dir.resolve("data");
        Result first = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7", "--duration", "1h");
        assertThat(first.status()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(data.resolve("flotilla.db"));
        Result second = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "8", "--duration", "2h");
        assertThat(second.status()).isEqualTo(2);
        assertThat(second.err()).contains("seed 7");
        assertThat(Files.readAllBytes(data.resolve("flotilla.db"))).isEqualTo(before);
    }

    @Test
    void helpListsTheOptions() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--headless", "--data-dir", "--fleet", "--speed", "--seed", "--duration", "--kill-switch",
                "--market", "--binance-url");
    }

    @Test
    void aHeadlessRunPrintsStatusAndASummaryAndWritesItsLog() throws Exception {
        Path data = dir.resolve("data");
        Result r = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7", "--duration", "1d");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("45 bots", "SANDBOX xmax", "Summary:", "ema-rsi", "atr-trend", "total",
                "market-data requests: 1638 candle", "fills digest:", "orders sent: ", "risk rejections: ",
                "EXPOSURE_LIMIT", "PRICE_COLLAR", "circuit breakers fired:");
        assertThat(r.out()).containsPattern("running 45/45");
        assertThat(data.resolve("flotilla.db")).exists();
        assertThat(data.resolve("logs").resolve("flotilla.log")).exists();
        // the same period on the same folder is already done: a second run ends at once with the same trades
        String digest = r.out().lines().filter(l -> l.startsWith("fills digest:")).findFirst().orElseThrow();
        Result again = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--duration", "1d");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains(digest);
    }

    @Test
    void theKillSwitchIsStoredInTheDataFolderAndStopsEveryOrder() throws Exception {
        Path data = dir.resolve("data");
        Result on = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7", "--duration", "1d",
                "--kill-switch", "on");
        assertThat(on.status()).as(on.err()).isZero();
        assertThat(on.out()).contains("kill switch on", "HALTED", "orders sent: 0", "fills digest: e3b0c44298fc1c14");
        assertThat(on.out()).containsPattern("KILL_SWITCH +[1-9]");
        // the switch stays on in the folder: the next day sends nothing either, until it is switched off
        Result still = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--duration", "2d");
        assertThat(still.out()).contains("HALTED", "orders sent: 0");
        Result off = run("--headless", "--data-dir", data.toString(), "--speed", "max", "--duration", "3d",
                "--kill-switch", "off");
        assertThat(off.status()).as(off.err()).isZero();
        assertThat(off.out()).contains("kill switch off", "ACTIVE").doesNotContain("orders sent: 0");
    }
}
