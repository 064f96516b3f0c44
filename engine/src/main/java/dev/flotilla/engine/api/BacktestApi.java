package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.RunFigures;
import java.math.BigDecimal;
import java.util.List;

/**
 * Backtests and sweeps for the console: started in the background (one at a time), followed, cancelled, and their
 * stored runs read back. A backtest is the engine itself run over history; nothing here changes the live books.
 */
public interface BacktestApi {

    /**
     * A backtest to run.
     *
     * @param botIds bots of the fleet to run; empty for the whole fleet
     * @param seed   the sandbox seed whose history to run on, or null for the candles stored in the data folder
     */
    record Draft(List<String> botIds, long from, long to, BigDecimal feeBps, BigDecimal slippageBps, Long seed) {
        public Draft {
            botIds = List.copyOf(botIds);
        }
    }

    /**
     * A sweep of one bot's parameters.
     *
     * @param params each as {@code name=from..to:step} or {@code name=a,b,c}
     * @param rank   sharpe, calmar or return
     */
    record SweepDraft(String botId, List<String> params, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
                      Long seed, String rank, int workers) {
        public SweepDraft {
            params = List.copyOf(params);
        }
    }

    /** A stored run. A sweep's runs share a label ("sweep ... BOT"), its best one ends in " best". */
    record Run(long id, long createdAt, String market, long from, long to, BigDecimal feeBps, BigDecimal slippageBps,
               int fills, String fillsDigest, long wallMs, String label) {
    }

    /** Work in the background; every method may be called from any thread. */
    interface Job {
        /** What it is, e.g. "backtest of 45 bots" or "sweep of ema-btc-15m". */
        String title();

        /** Share done, 0 to 1. */
        double progress();

        /** Where it is and the time left, e.g. "2026-02-14, about 7 s left". */
        String status();

        boolean done();

        /** Why it failed or that it was cancelled, or null. */
        String error();

        /** The runs it stored, once done (for a sweep: every set's, the best last). */
        List<Long> runIds();

        void cancel();
    }

    /**
     * Starts a backtest; the draft is checked first.
     *
     * @throws InvalidInputException for a bad draft (the message says which field and why), or while another job runs
     */
    Job backtest(Draft draft);

    /** Starts a sweep; see {@link #backtest}. */
    Job sweep(SweepDraft draft);

    /** The job running now, if any (the console may have been closed and opened again meanwhile). */
    java.util.Optional<Job> current();

    /** The most recent stored runs, newest first. */
    List<Run> runs(int limit);

    /** A run's figures: each bot, then the fleet ({@link RunFigures#FLEET}). */
    List<RunFigures> figures(long runId);

    /** Every run of a sweep, each with its one bot's figures (for the ranking table and the heat map). */
    List<RunFigures> sweepFigures(String label);

    /** A bot's (or the fleet's) hourly equity in a run. */
    EquityCurve equity(long runId, String botId);

    /** A run's closed trades, in the order they closed. */
    List<ClosedTrade> trades(long runId);

    /** The candles a bot of a run traded on, over the run's period (for its trades on the chart). */
    List<Candle> candles(long runId, String botId);
}
