package dev.flotilla.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No decision looks ahead: the history is cut at many points, and a backtest given only the candles up to a cut trades
 * exactly as the backtest given all of them did up to that point: the same fills (order, side, quantity, price, fee,
 * time) and the same closed trades. A strategy, risk check or market that peeked at a later bar would differ at some cut.
 */
class LookAheadTest {

    static final long FROM = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final long TO = Instant.parse("2026-01-11T00:00:00Z").toEpochMilli();

    @Test
    void everyDecisionWithTheFullHistoryIsTheOneMadeWithTheHistoryUpToThatBar() throws Exception {
        // one bot of each strategy type, across all three timeframes
        List<BotSpec> fleet = FleetFileTest.defaultFleet().stream()
                .filter(b -> Set.of("ema-btc-15m", "boll-btc-1h", "donch-btc-4h", "rsi-eth-15m", "macd-eth-1h", "atr-eth-4h",
                        "atr-ada-15m", "macd-bnb-15m").contains(b.id())).toList();
        assertThat(fleet).hasSize(8);
        Map<Feed, List<Candle>> all = history(fleet);
        BacktestResult full = run(fleet, all, TO);
        assertThat(full.trades()).as("a check of runs that never trade proves nothing").hasSizeGreaterThan(20);

        int cuts = 0;
        for (long cut = FROM + 7 * 3_600_000L + 900_000; cut < TO; cut += 19 * 3_600_000L + 900_000) {
            long at = cut;
            Map<Feed, List<Candle>> upToCut = new LinkedHashMap<>();
            all.forEach((feed, candles) -> upToCut.put(feed,
                    candles.stream().filter(c -> c.closeTime(feed.timeframe()) <= at).toList()));
            BacktestResult cutRun = run(fleet, upToCut, cut);
            List<ClosedTrade> closedByCut = full.trades().stream().filter(t -> t.closedAt() <= at).toList();
            assertThat(cutRun.trades()).as("closed trades up to %s", Instant.ofEpochMilli(cut)).isEqualTo(closedByCut);
            assertThat(cutRun.fillsDigest()).as("fills up to %s", Instant.ofEpochMilli(cut))
                    .isEqualTo(Backtest.digest(fillsUpTo(full, at)));
            cuts++;
        }
        assertThat(cuts).isGreaterThanOrEqualTo(10);
    }

    private List<dev.flotilla.engine.model.Fill> fillsUpTo(BacktestResult full, long at) {
        return full.fillList().stream().filter(f -> f.filledAt() <= at).toList();
    }

    /** The sandbox's candles of every feed the fleet trades (and each symbol's 15m feed), with room for the window. */
    static Map<Feed, List<Candle>> history(List<BotSpec> fleet) {
        SandboxMarket sandbox = new SandboxMarket(11, Backtest.SANDBOX_ORIGIN, () -> TO);
        Set<Feed> feeds = new TreeSet<>();
        for (BotSpec b : fleet) {
            feeds.add(b.feed());
            feeds.add(new Feed(b.symbol(), Timeframe.M15));
        }
        Map<Feed, List<Candle>> m = new LinkedHashMap<>();
        for (Feed f : feeds) m.put(f, sandbox.closedCandles(f, FROM - 400 * f.timeframe().millis(), TO, 100_000));
        return m;
    }

    private static BacktestResult run(List<BotSpec> fleet, Map<Feed, List<Candle>> candles, long to) throws Exception {
        return Backtest.run(new Backtest.Request(fleet, FROM, to, new BigDecimal("10"), new BigDecimal("5"), Map.of()),
                "history", clock -> new HistoryMarket(candles, clock), Backtest.Progress.NONE, () -> false);
    }
}
