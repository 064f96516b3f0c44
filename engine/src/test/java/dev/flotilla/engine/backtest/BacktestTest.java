package dev.flotilla.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestTest {

    static final long ORIGIN = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    static final long FROM = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static BacktestResult run(List<BotSpec> fleet, long from, long to) throws Exception {
        return Backtest.run(new Backtest.Request(fleet, from, to, new BigDecimal("10"), new BigDecimal("5"), Map.of()),
                "sandbox seed 7", clock -> new SandboxMarket(7, ORIGIN, clock), Backtest.Progress.NONE, () -> false);
    }

    @Test
    void theDefaultFleetOverTwoWeeksTradesAndTwoRunsAgreeFillForFill() throws Exception {
        List<BotSpec> fleet = FleetFileTest.defaultFleet();
        long to = Instant.parse("2026-01-15T00:00:00Z").toEpochMilli();
        BacktestResult a = run(fleet, FROM, to);
        BacktestResult b = run(fleet, FROM, to);
        System.out.printf("backtest: %d fills, %d trades, %s, %.1f s and %.1f s%n", a.fills(), a.trades().size(), a.fillsDigest(),
                a.wallNanos() / 1e9, b.wallNanos() / 1e9);
        assertThat(a.fills()).isGreaterThan(20);
        assertThat(a.fillsDigest()).isEqualTo(b.fillsDigest());
        assertThat(a.bots()).hasSize(fleet.size());
        assertThat(a.fleet().performance().trades()).isEqualTo(a.trades().size());
        assertThat(a.equity().get("*").times()[0]).isEqualTo(FROM);
        long[] times = a.equity().get("*").times();
        assertThat(times[times.length - 1]).isEqualTo(to);
    }

    @Test
    void theSandboxsCandlesMadeOnceTradeAsTheSandboxItself() throws Exception {
        List<BotSpec> fleet = FleetFileTest.defaultFleet().stream().filter(b -> b.symbol().compact().equals("ETHUSDT")
                || b.symbol().compact().equals("DOGEUSDT")).toList();
        long to = Instant.parse("2026-01-11T00:00:00Z").toEpochMilli();
        BacktestResult live = run(fleet, FROM, to);
        java.util.Set<dev.flotilla.engine.model.Feed> feeds = new java.util.TreeSet<>();
        fleet.forEach(b -> feeds.add(b.feed()));
        HistoryMarket made = HistoryMarket.from(new SandboxMarket(7, ORIGIN, () -> to), feeds, FROM, to, 300, () -> 0);
        BacktestResult history = Backtest.run(new Backtest.Request(fleet, FROM, to, new BigDecimal("10"), new BigDecimal("5"), Map.of()),
                "sandbox seed 7", made::on, Backtest.Progress.NONE, () -> false);
        assertThat(live.fills()).isGreaterThan(20);
        assertThat(history.fillsDigest()).isEqualTo(live.fillsDigest());
        assertThat(history.trades()).isEqualTo(live.trades());
    }
}
