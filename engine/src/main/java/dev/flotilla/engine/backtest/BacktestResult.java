package dev.flotilla.engine.backtest;

import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.EquityCurve;
import dev.flotilla.engine.model.Fill;
import dev.flotilla.engine.model.RunFigures;
import java.util.List;
import java.util.Map;

/**
 * What a backtest produced: figures per bot and for the fleet, the digest of its fills, each bot's (and the fleet's,
 * under {@code "*"}) hourly equity, its closed trades, and how long it took.
 */
public record BacktestResult(Backtest.Request request, String market, List<RunFigures> bots, RunFigures fleet,
                             List<Fill> fillList, String fillsDigest, Map<String, EquityCurve> equity, List<ClosedTrade> trades,
                             long wallNanos) {

    /** How many fills the run made. */
    public int fills() {
        return fillList.size();
    }
}
