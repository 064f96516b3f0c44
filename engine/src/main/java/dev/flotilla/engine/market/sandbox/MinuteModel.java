package dev.flotilla.engine.market.sandbox;

/**
 * One minute of a path: drift from the regime and from a slow pull toward the starting level, Gaussian noise,
 * rare jumps, and the high and low of a Brownian bridge between open and close. Everything random is read from
 * {@link CounterRandom} at the minute's index, so stepping the same minute from the same state gives the same bar.
 */
final class MinuteModel {
    private static final double MINUTES_PER_DAY = 1440;
    /** Pull of the log price toward home: a half-life of about two weeks. */
    private static final double HOME_PULL = Math.log(2) / (14 * MINUTES_PER_DAY);
    /** About one jump every four days. */
    private static final double JUMP_PROBABILITY = 1 / (4 * MINUTES_PER_DAY);
    private static final double JUMP_MIN = 0.8;
    private static final double JUMP_MAX = 1.6;
    /** E|Z| for a standard normal, so that an ordinary minute has an activity of about one. */
    private static final double MEAN_ABS_NORMAL = Math.sqrt(2 / Math.PI);

    private final SymbolProfile profile;
    private final long key;
    private final double home;
    private final double sigma;
    private final double lotsPerMinute;

    MinuteModel(SymbolProfile profile, long key) {
        this.profile = profile;
        this.key = key;
        this.home = Math.log(profile.startPrice());
        // jumps take their share of the daily variance so that the total matches the profile's volatility
        double meanSquareJump = (JUMP_MAX * JUMP_MAX + JUMP_MAX * JUMP_MIN + JUMP_MIN * JUMP_MIN) / 3;
        double jumpShare = JUMP_PROBABILITY * MINUTES_PER_DAY * meanSquareJump;
        this.sigma = profile.dailyVol() * Math.sqrt((1 - jumpShare) / MINUTES_PER_DAY);
        this.lotsPerMinute = profile.minuteVolume() / profile.volumeLot();
    }

    double home() {
        return home;
    }

    /** The state before minute zero: at the starting price. */
    Minute start() {
        return new Minute(home, profile.toTicks(profile.startPrice()));
    }

    /** Advances {@code m} by minute {@code i}; the previous close becomes this minute's open. */
    void step(long i, Regime regime, Minute m) {
        double x = m.x;
        double sig = sigma * regime.volMult();
        double radius = Math.sqrt(-2 * Math.log(CounterRandom.uniform(key, i, 0)));
        double angle = 2 * Math.PI * CounterRandom.uniform(key, i, 1);
        double dx = regime.drift(x) - HOME_PULL * (x - home) + sig * radius * Math.cos(angle);
        if (CounterRandom.uniform(key, i, 2) < JUMP_PROBABILITY) {
            double size = profile.dailyVol() * CounterRandom.uniform(key, i, 3, JUMP_MIN, JUMP_MAX);
            dx += CounterRandom.uniform(key, i, 4) < 0.5 ? -size : size;
        }
        // exact samples of the maximum and minimum of a Brownian bridge from 0 to dx
        double spread = -2 * sig * sig;
        double up = (dx + Math.sqrt(dx * dx + spread * Math.log(CounterRandom.uniform(key, i, 5)))) / 2;
        double down = (dx - Math.sqrt(dx * dx + spread * Math.log(CounterRandom.uniform(key, i, 6)))) / 2;

        m.open = m.close;
        m.close = profile.toTicks(Math.exp(x + dx));
        m.high = Math.max(Math.max(m.open, m.close), profile.toTicks(Math.exp(x + up)));
        m.low = Math.min(Math.min(m.open, m.close), profile.toTicks(Math.exp(x + down)));
        // busier on big moves, with lognormal noise of mean one
        double activity = 0.3 + 0.7 * Math.abs(dx) / (sigma * MEAN_ABS_NORMAL);
        double noise = Math.exp(0.5 * radius * Math.sin(angle) - 0.125);
        m.volumeLots = Math.round(lotsPerMinute * activity * noise);
        m.x = x + dx;
    }
}
