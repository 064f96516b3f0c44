package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.TestStores;
import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flotilla.engine.api.InvalidInputException;
import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.PerformanceRow;
import dev.flotilla.engine.api.PnlBucket;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.Position;
import dev.flotilla.engine.query.Reports;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The performance views and exports: a known set of trades in a real store, and three days of the default fleet. */
@OnBothStores
class ReportsTest {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long MON = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void aKnownSetOfTradesGivesItsWinRateProfitFactorDrawdownAndPnlByDay() {
        try (Store store = new Store(TestStores.open(dir))) {
            List<BotSpec> fleet = List.of(bot("ema-btc-15m"), bot("rsi-eth-15m"), bot("boll-btc-1h"));
            store.write(tx -> FleetSeeder.seed(tx, fleet, MON));
            // ema-btc: +10 on Monday (00:00-12:00) and +20 on Tuesday (00:00-06:00); rsi-eth: -5 (Monday 06:00-Tuesday 06:00)
            trade(store, "ema-btc-15m", "BTC/USDT", MON, MON + 12 * HOUR, "10", "0.1", "0.2");
            trade(store, "rsi-eth-15m", "ETH/USDT", MON + 6 * HOUR, MON + 30 * HOUR, "-5", "0.05", "0.05");
            trade(store, "ema-btc-15m", "BTC/USDT", MON + DAY, MON + 30 * HOUR, "20.5", "0.1", "0.15");
            // a trade the week after is outside the period asked
            trade(store, "boll-btc-1h", "BTC/USDT", MON + 8 * DAY, MON + 8 * DAY + HOUR, "7", "0", "0");
            store.write(tx -> {
                String[] fleetEquity = {"1000", "1100", "990", "1050"};
                for (int i = 0; i < fleetEquity.length; i++) {
                    tx.equitySnapshot(MON + i * 12 * HOUR, "*", new BigDecimal(fleetEquity[i]), BigDecimal.ZERO, BigDecimal.ZERO);
                    tx.equitySnapshot(MON + i * 12 * HOUR, "ema-btc-15m", new BigDecimal(i == 2 ? "450" : "500"), BigDecimal.ZERO, BigDecimal.ZERO);
                    tx.equitySnapshot(MON + i * 12 * HOUR, "boll-btc-1h", new BigDecimal("500"), BigDecimal.ZERO, BigDecimal.ZERO);
                }
            });
            Reports reports = Reports.atRest(store);
            PerformanceReport r = reports.performance(Period.parse("2026-01-05..2026-01-06"));

            assertThat(r.from()).isEqualTo(MON);
            assertThat(r.to()).isEqualTo(MON + 2 * DAY);
            PerformanceRow f = r.fleet();
            assertThat(f.trades()).isEqualTo(3);
            assertThat(f.winRate()).isCloseTo(2 / 3.0, within(1e-12));
            assertThat(f.profitFactor()).isCloseTo(30.5 / 5, within(1e-12));
            assertThat(f.realizedPnl()).isEqualByComparingTo("25.5");
            assertThat(f.fees()).isEqualByComparingTo("0.65");
            assertThat(f.maxDrawdown()).isCloseTo(0.1, within(1e-12));  // 1100 down to 990
            assertThat(f.timeInMarket()).isCloseTo(30 / 48.0, within(1e-12));  // one position or more open 00:00 to 06:00 Tuesday
            assertThat(pnl(r.days())).containsExactly("2026-01-05 1 10", "2026-01-06 2 15.5");
            assertThat(pnl(r.weeks())).containsExactly("2026-W02 3 25.5");
            assertThat(pnl(r.months())).containsExactly("2026-01 3 25.5");

            // by bot, best first; a bot's drawdown is its own equity's, a bot without snapshots has none
            assertThat(r.byBot()).extracting(PerformanceRow::key).containsExactly("ema-btc-15m", "boll-btc-1h", "rsi-eth-15m");
            PerformanceRow ema = r.byBot().getFirst();
            assertThat(ema.trades()).isEqualTo(2);
            assertThat(ema.winRate()).isEqualTo(1.0);
            assertThat(ema.profitFactor()).isNaN();
            assertThat(ema.realizedPnl()).isEqualByComparingTo("30.5");
            assertThat(ema.maxDrawdown()).isCloseTo(0.1, within(1e-12));
            assertThat(r.byBot().get(2).maxDrawdown()).isNaN();
            // by symbol: the two BTC bots' equity added up (1000, 1000, 950, 1000)
            PerformanceRow btc = r.bySymbol().stream().filter(x -> x.key().equals("BTC/USDT")).findFirst().orElseThrow();
            assertThat(btc.bots()).isEqualTo(2);
            assertThat(btc.maxDrawdown()).isCloseTo(0.05, within(1e-12));
            assertThat(r.byStrategy()).extracting(PerformanceRow::key).containsExactlyInAnyOrder("ema-rsi", "rsi-reversion",
                    "bollinger-reversion");

            // exports carry the exact values
            Table positions = reports.export(ReportsApi.Export.POSITIONS, Period.parse("2026-01-05..2026-01-06"));
            assertThat(positions.rows()).extracting(row -> row.get(7)).containsExactly("10", "-5", "20.5");
            assertThat(positions.rows().getFirst().get(10)).isEqualTo("2026-01-05T12:00:00Z");
            Table perf = reports.export(ReportsApi.Export.PERFORMANCE, Period.parse("2026-01-05..2026-01-06"));
            assertThat(perf.rows().getLast().subList(0, 8)).containsExactly("fleet", "fleet", "3", "3",
                    "0.6666666666666666", "25.5", "0.65", "6.1");
            assertThat(Table.parseCsv(perf.csv())).hasSize(perf.rows().size() + 1).first().isEqualTo(perf.headers());
            assertThat(reports.text(r, PerformanceReport.By.BOT)).contains("realized PnL +25.50", "ema-btc-15m", "66.7%",
                    "2026-01-06       2        +15.50", "boll-btc-1h       0       -          0.00  0.00     -    0.0%");
        }
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> Period.parse("last week")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("7d, 30d").hasMessageContaining("FROM..TO");
        assertThatThrownBy(() -> Period.parse("2026-02-01..2026-01-01")).hasMessageContaining("comes before");
        assertThat(Period.parse("ytd").range(MON + DAY, 0).from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        assertThat(Period.parse("7d").range(MON, 0)).isEqualTo(new Period.Range(MON + 1 - 7 * DAY, MON + 1));
    }

    @Test
    void threeDaysOfTheFleetAddUpToTheBooksClosedTrades() throws Exception {
        try (EngineHarness h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin())
                .runFor(Duration.ofDays(3))) {
            List<ClosedTrade> closed = h.store.closedTrades();
            assertThat(closed).hasSizeGreaterThan(10);
            PerformanceReport all = h.engine.reports().performance(Period.ALL);
            PerformanceRow f = all.fleet();
            BigDecimal total = closed.stream().map(ClosedTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            long wins = closed.stream().filter(t -> t.netPnl().signum() > 0).count();
            assertThat(f.trades()).isEqualTo(closed.size());
            assertThat(f.realizedPnl()).isEqualByComparingTo(total);
            assertThat(f.winRate()).isCloseTo(wins / (double) closed.size(), within(1e-12));
            assertThat(f.bots()).isEqualTo(45);
            assertThat(all.byBot()).hasSize(45);
            assertThat(sum(all.byBot())).isEqualByComparingTo(total);
            assertThat(sum(all.byStrategy())).isEqualByComparingTo(total);
            assertThat(sum(all.bySymbol())).isEqualByComparingTo(total);
            assertThat(all.days()).hasSize(4);  // Monday to the first instant of Thursday
            assertThat(all.days().stream().map(PnlBucket::pnl).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
            assertThat(f.maxDrawdown()).isPositive();

            // the second day alone: the trades that closed on it
            PerformanceReport day = h.engine.reports().performance(Period.parse("2026-01-06..2026-01-06"));
            long onDay = closed.stream().filter(t -> t.closedAt() >= MON + DAY && t.closedAt() < MON + 2 * DAY).count();
            assertThat(day.fleet().trades()).isEqualTo(onDay);
            assertThat(day.days()).hasSize(1);

            // the trades export has every fill with its exact quantity and time
            Table trades = h.engine.reports().export(ReportsApi.Export.TRADES, Period.ALL);
            List<Fill> fills = h.fills();
            assertThat(trades.rows()).hasSize(fills.size());
            assertThat(trades.rows().getFirst().get(4)).isEqualTo(fills.getFirst().qty().toPlainString());
            assertThat(trades.rows().getFirst().get(0)).isEqualTo(Instant.ofEpochMilli(fills.getFirst().filledAt()).toString());
        }
    }

    private static BigDecimal sum(List<PerformanceRow> rows) {
        return rows.stream().map(PerformanceRow::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> pnl(List<PnlBucket> buckets) {
        return buckets.stream().map(b -> b.label() + " " + b.trades() + " " + b.pnl().stripTrailingZeros().toPlainString()).toList();
    }

    private static BotSpec bot(String id) throws RuntimeException {
        try {
            return FleetFileTest.defaultFleet().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void trade(Store store, String bot, String symbol, long open, long close, String pnl, String entryFee,
                              String exitFee) {
        store.write(tx -> {
            long id = tx.openPosition(new Position(0, bot, dev.flotilla.engine.model.Symbol.parse(symbol), BigDecimal.ONE,
                    new BigDecimal("100"), new BigDecimal(entryFee), new BigDecimal("95"), new BigDecimal("100"), open, bot + open));
            tx.closePosition(id, new BigDecimal("110"), new BigDecimal(exitFee), "EXIT", new BigDecimal(pnl), close, bot + close);
        });
    }
}
