package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random walk that switches between up-trends, down-trends and ranges every few hours to a day,
 * with about 0.3% volatility per 15-minute bar, roughly like a major crypto pair.
 */
public final class SyntheticMarket {

    /** One week of 15-minute bars. */
    public static final int WEEK_M15 = 7 * 24 * 4;

    private static final double[] DRIFTS = {-0.0010, -0.0005, 0, 0, 0.0005, 0.0010};

    private SyntheticMarket() {
    }

    public static List<Candle> candles(long seed, int count, double startPrice, Timeframe tf) {
        var random = new SplittableRandom(seed);
        List<Candle> candles = new ArrayList<>(count);
        long time = 1_767_225_600_000L; // 2026-01-01T00:00Z
        double close = startPrice;
        double drift = 0, vol = 0.003;
        int regimeLeft = 0;
        for (int i = 0; i < count; i++) {
            if (regimeLeft-- <= 0) {
                regimeLeft = random.nextInt(24, 120);
                drift = DRIFTS[random.nextInt(DRIFTS.length)];
                vol = random.nextDouble(0.002, 0.004);
            }
            double open = close;
            close = open * Math.exp(drift + vol * gaussian(random));
            double high = Math.max(open, close) * (1 + Math.abs(gaussian(random)) * vol / 2);
            double low = Math.min(open, close) * (1 - Math.abs(gaussian(random)) * vol / 2);
            candles.add(new Candle(time, open, high, low, close, random.nextDouble(1, 100)));
            time += tf.millis();
        }
        return candles;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, because SplittableRandom's nextGaussian is only a default method since 17 and the
        // algorithm behind it is not specified; this keeps the series identical across JDKs
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
