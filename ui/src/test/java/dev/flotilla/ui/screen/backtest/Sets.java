package dev.flotilla.ui.screen.backtest;

import dev.flotilla.engine.model.Performance;
import dev.flotilla.engine.model.RunFigures;
import java.util.Map;

/** Figures as a backtest reports them, for the screen's models. */
final class Sets {

    private Sets() {
    }

    static Performance performance(double ret, double maxDd, double sharpe, int trades) {
        return new Performance(ret, ret * 26, maxDd, 3 * 86_400_000L + 43_200_000L, sharpe, sharpe * 1.4,
                maxDd > 0 ? ret * 26 / maxDd : Double.NaN, trades == 0 ? Double.NaN : 0.5, trades == 0 ? Double.NaN : 1.25,
                trades, 5 * 3_600_000L + 18 * 60_000L, 0.4, 12.5);
    }

    static RunFigures bot(String id, Map<String, Double> params, double ret, double sharpe) {
        return new RunFigures(id, "ema-crossover", "BTC/USDT", "15m", params, 10_000, 10_000 * (1 + ret),
                performance(ret, 0.04, sharpe, 10), 0.031);
    }

    static RunFigures fleet(double ret, double sharpe) {
        return new RunFigures(RunFigures.FLEET, "", "", "", Map.of(), 30_000, 30_000 * (1 + ret),
                performance(ret, 0.02, sharpe, 30), 0.02);
    }
}
