package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.Table;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flotilla report} and {@code flotilla export} on a data folder two days of the default fleet traded. */
class ReportCommandTest {

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void trade() {
        data = dir.resolve("data");
        var r = CommandLineTest.run("--headless", "--data-dir", data.toString(), "--speed", "max", "--seed", "7",
                "--start", "2026-01-05", "--duration", "2d");
        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void theReportPrintsThePeriodsFiguresAndWritesThemAsMarkdown() throws Exception {
        Path md = dir.resolve("report.md");
        var r = CommandLineTest.run("report", "--period", "all", "--by", "strategy", "--data-dir", data.toString(),
                "--markdown", md.toString());
        assertThat(r.status()).as(r.err()).isZero();
        BigDecimal booked = sql("SELECT realized_pnl FROM positions WHERE status = 'CLOSED'").stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int trades = sql("SELECT id FROM positions WHERE status = 'CLOSED'").size();
        assertThat(trades).isPositive();
        assertThat(r.out()).startsWith("Performance 2026-01-05 00:00 to 2026-01-06 23:")
                .contains(trades + " trades, realized PnL " + (booked.signum() > 0 ? "+" : "")
                        + booked.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())
                .contains("By strategy", "ema-rsi", "atr-trend", "PnL by day (UTC)", "2026-01-05", "2026-01-06", "PnL by month")
                .doesNotContain("By bot");
        assertThat(Files.readString(md)).startsWith("# Performance 2026-01-05").contains("## By strategy", "| ema-rsi |");
        var byBot = CommandLineTest.run("report", "--period", "2026-01-06..2026-01-06", "--data-dir", data.toString());
        assertThat(byBot.out()).contains("By bot", "ema-btc-15m", "2026-01-06").doesNotContain("2026-01-05 ");
    }

    @Test
    void exportsWriteEveryRowWithExactValues() throws Exception {
        Path csv = dir.resolve("trades.csv");
        var r = CommandLineTest.run("export", "trades", "--data-dir", data.toString(), "--out", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<List<String>> rows = Table.parseCsv(Files.readString(csv));
        List<String> qty = sql("SELECT qty FROM fills ORDER BY id");
        assertThat(r.out()).contains("wrote " + csv, qty.size() + " trades rows");
        assertThat(rows.getFirst()).containsExactly("time", "bot_id", "symbol", "side", "qty", "price", "value", "fee",
                "purpose", "client_order_id");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(4)).containsExactlyElementsOf(qty);
        assertThat(Instant.parse(rows.get(1).getFirst())).isAfterOrEqualTo(Instant.parse("2026-01-05T00:00:00Z"));

        var equity = CommandLineTest.run("export", "equity", "--period", "7d", "--data-dir", data.toString());
        assertThat(equity.status()).as(equity.err()).isZero();
        assertThat(equity.out().lines().count() - 1).isEqualTo(sql("SELECT id FROM equity_snapshots").size());
        for (String what : List.of("orders", "positions", "risk-events", "performance", "pnl")) {
            var e = CommandLineTest.run("export", what, "--data-dir", data.toString());
            assertThat(e.status()).as(what + ": " + e.err()).isZero();
            assertThat(e.out()).as(what).contains(",");
        }
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        refused("--period: 'fortnight' is not a period", "report", "--period", "fortnight", "--data-dir", data.toString());
        refused("--by: 'desk' is not one of bot, strategy, symbol", "report", "--by", "desk", "--data-dir", data.toString());
        refused("export: 'fills' is not one of trades", "export", "fills", "--data-dir", data.toString());
        refused("no data file in " + dir.resolve("none"), "report", "--data-dir", dir.resolve("none").toString());
        refused("--out: no folder", "export", "trades", "--data-dir", data.toString(), "--out", dir.resolve("no/such.csv").toString());
        assertThat(dir.resolve("none")).doesNotExist();
    }

    private static void refused(String expected, String... args) {
        var r = CommandLineTest.run(args);
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("flotilla " + args[0] + ": ").contains(expected);
    }

    private static List<String> sql(String query) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("flotilla.db"));
             var st = c.createStatement(); var rs = st.executeQuery(query)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
