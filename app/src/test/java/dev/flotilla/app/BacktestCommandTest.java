package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.store.BacktestStore;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    private static final Pattern DIGEST = Pattern.compile("fills digest: sha256 ([0-9a-f]{64})");
    private static final String BOTS = "ema-btc-15m,donch-sol-1h,macd-eth-1h";

    @TempDir
    Path dir;

    static String digest(String out) {
        Matcher m = DIGEST.matcher(out);
        assertThat(m.find()).as("a digest in:%n%s", out).isTrue();
        return m.group(1);
    }

    @Test
    void aSandboxBacktestTwiceGivesTheSameDigestWritesItsReportsAndStoresBothRunsApartFromTheBooks() throws Exception {
        Path data = dir.resolve("data");
        String[] args = {"backtest", "--from", "2026-01-01", "--to", "2026-01-15", "--seed", "7", "--bots", BOTS,
            "--data-dir", data.toString(), "--markdown", dir.resolve("r.md").toString(), "--json", dir.resolve("r.json").toString()};
        var first = CommandLineTest.run(args);
        var second = CommandLineTest.run(args);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(first.out()).contains("on sandbox seed 7: 3 bots, fee 10 bps, slippage 5 bps")
                .contains("ema-btc-15m", "donch-sol-1h", "macd-eth-1h", "fleet", "buy&hold", "Sharpe");
        assertThat(digest(first.out())).isEqualTo(digest(second.out()));
        assertThat(Files.readString(dir.resolve("r.md"))).startsWith("# Backtest 2026-01-01").contains("| donch-sol-1h |");
        assertThat(Files.readString(dir.resolve("r.json"))).contains("\"fillsDigest\" : \"" + digest(first.out()) + "\"");
        try (Store store = new Store(Database.open(data))) {
            BacktestStore runs = new BacktestStore(store);
            assertThat(runs.runs(10)).hasSize(2).allSatisfy(r -> assertThat(r.fillsDigest()).isEqualTo(digest(first.out())));
            long id = runs.runs(10).getFirst().id();
            assertThat(runs.figures(id)).extracting(f -> f.id()).containsExactly("ema-btc-15m", "donch-sol-1h", "macd-eth-1h", "*");
            assertThat(runs.trades(id)).isNotEmpty();
            assertThat(runs.equity(id, "*").size()).isEqualTo(14 * 24 + 1);
            // the live books are untouched: no bot, order or fill was written to the data folder
            assertThat(store.bots()).isEmpty();
            assertThat(store.count("orders")).isZero();
            assertThat(store.count("fills")).isZero();
        }
    }

    @Test
    void storedCandlesOfThePeriodTradeAsTheSandboxThatMadeThem() throws Exception {
        long from = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-01-15T00:00:00Z").toEpochMilli();
        Path data = dir.resolve("binance");
        SandboxMarket sandbox = new SandboxMarket(7, Backtest.SANDBOX_ORIGIN, () -> to);
        try (Store store = new Store(Database.open(data))) {
            for (String s : new String[] {"BTC/USDT", "SOL/USDT", "ETH/USDT"}) {
                for (Timeframe tf : Timeframe.values()) {
                    Feed feed = new Feed(Symbol.parse(s), tf);
                    var candles = sandbox.closedCandles(feed, from - 400 * tf.millis(), to, 100_000);
                    store.write(tx -> tx.candles(feed, candles));
                }
            }
        }
        var stored = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-15", "--bots", BOTS,
                "--data-dir", data.toString());
        var seeded = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-15", "--seed", "7",
                "--bots", BOTS, "--data-dir", dir.resolve("sandbox").toString());
        assertThat(stored.status()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("on history in " + data);
        assertThat(digest(stored.out())).isEqualTo(digest(seeded.out()));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        Path data = dir.resolve("data");
        var backwards = CommandLineTest.run("backtest", "--from", "2026-02-01", "--to", "2026-01-01", "--seed", "7",
                "--data-dir", data.toString());
        assertThat(backwards.status()).isEqualTo(Main.USAGE);
        assertThat(backwards.err()).contains("--to must come after --from");
        var unknown = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-02", "--seed", "7",
                "--bots", "no-such-bot", "--data-dir", data.toString());
        assertThat(unknown.status()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("--bots: no bot 'no-such-bot' in the fleet");
        var early = CommandLineTest.run("backtest", "--from", "2024-01-10", "--to", "2024-02-01", "--seed", "7",
                "--data-dir", data.toString());
        assertThat(early.status()).isEqualTo(Main.USAGE);
        assertThat(early.err()).contains("the sandbox's history begins 2024-01-01");
        var noHistory = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-02",
                "--data-dir", dir.resolve("empty").toString());
        assertThat(noHistory.status()).isEqualTo(Main.USAGE);
        assertThat(noHistory.err()).contains("no stored history in").contains("flotilla history import");
        var fee = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-02", "--seed", "7", "--fee", "ten",
                "--data-dir", data.toString());
        assertThat(fee.status()).isEqualTo(Main.USAGE);
        assertThat(fee.err()).contains("--fee: must be a number of basis points");
    }

    @Test
    void storedHistoryThatDoesNotCoverThePeriodIsNamedFeedByFeed() throws Exception {
        Path data = dir.resolve("binance");
        long to = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
        SandboxMarket sandbox = new SandboxMarket(7, Backtest.SANDBOX_ORIGIN, () -> to);
        Feed btc = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
        try (Store store = new Store(Database.open(data))) {
            var candles = sandbox.closedCandles(btc, Instant.parse("2025-12-20T00:00:00Z").toEpochMilli(), to, 100_000);
            store.write(tx -> tx.candles(btc, candles));
        }
        var r = CommandLineTest.run("backtest", "--from", "2026-01-01", "--to", "2026-01-10", "--bots", "ema-btc-15m,donch-sol-1h",
                "--data-dir", data.toString());
        assertThat(r.status()).as(r.out()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("does not cover the period for BTCUSDT 15m (stored only", "SOLUSDT 1h");
    }
}
