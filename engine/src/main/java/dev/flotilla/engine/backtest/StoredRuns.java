package dev.flotilla.engine.backtest;

import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.RunFigures;
import dev.flotilla.engine.store.BacktestStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How backtests and sweeps become stored runs, one way for the command line and the console alike. */
public final class StoredRuns {

    private StoredRuns() {
    }

    /** The label a sweep's runs share, e.g. "sweep 2026-12-03T09:16:17Z ema-btc-15m". */
    public static String sweepLabel(BotSpec bot, Instant now) {
        return "sweep " + now.toString().substring(0, 19) + "Z " + bot.id();
    }

    /** A whole run: every bot's figures, then the fleet's, with its trades and equity. */
    public static BacktestStore.Entry of(BacktestResult r, String label) {
        List<RunFigures> figures = new ArrayList<>(r.bots());
        figures.add(r.fleet());
        Backtest.Request q = r.request();
        return new BacktestStore.Entry(run(r.market(), q.from(), q.to(), q.feeBps(), q.slippageBps(), r.fills(), r.fillsDigest(),
                r.wallNanos(), label), figures, r.trades(), r.equity());
    }

    /** A plain sweep: each set's figures under the label, best first, then the best set in full as "label best". */
    public static List<BacktestStore.Entry> ofSweep(Sweep.Outcome o, BacktestResult best, String label) {
        Backtest.Request q = best.request();
        List<BacktestStore.Entry> entries = new ArrayList<>();
        for (Sweep.Point p : o.points()) {
            entries.add(figuresOnly(p.figures(), best.market(), q.from(), q.to(), q.feeBps(), q.slippageBps(), p.fills(),
                    p.fillsDigest(), label));
        }
        entries.add(of(best, label + " best"));
        return entries;
    }

    /** A walk-forward sweep: each fold's best set in sample and out of sample, each over its own part of the period. */
    public static List<BacktestStore.Entry> ofFolds(Sweep.Outcome o, String market, BigDecimal feeBps, BigDecimal slippageBps,
                                                    String label) {
        List<BacktestStore.Entry> entries = new ArrayList<>();
        int k = 1;
        for (Sweep.Fold f : o.folds()) {
            entries.add(figuresOnly(f.inSample(), market, f.trainFrom(), f.trainTo(), feeBps, slippageBps, 0, "",
                    label + " fold " + k + " in-sample"));
            entries.add(figuresOnly(f.outOfSample(), market, f.testFrom(), f.testTo(), feeBps, slippageBps, 0, "",
                    label + " fold " + k++ + " out-of-sample"));
        }
        return entries;
    }

    private static BacktestStore.Entry figuresOnly(RunFigures f, String market, long from, long to, BigDecimal feeBps,
                                                   BigDecimal slippageBps, int fills, String digest, String label) {
        return new BacktestStore.Entry(run(market, from, to, feeBps, slippageBps, fills, digest, 0, label), List.of(f),
                List.of(), Map.of());
    }

    private static BacktestStore.Run run(String market, long from, long to, BigDecimal feeBps, BigDecimal slippageBps, int fills,
                                         String digest, long wallNanos, String label) {
        return new BacktestStore.Run(0, System.currentTimeMillis(), market, from, to, feeBps, slippageBps, fills, digest,
                wallNanos / 1_000_000, label);
    }
}
