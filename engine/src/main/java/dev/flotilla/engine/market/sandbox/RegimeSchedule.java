package dev.flotilla.engine.market.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence of regimes of one path, appended as the path reaches the end of the current one. Not thread-safe:
 * its path guards it.
 */
final class RegimeSchedule {
    private static final double MIN_MINUTES = 3 * 60;
    private static final double MAX_MINUTES = 3 * 24 * 60;
    /** How strongly the odds of the next regime lean against the distance from the starting level. */
    private static final double LEAN = 0.8;

    private final long key;
    private final double homeLevel;
    private final double dailyVol;
    private final List<Regime> regimes = new ArrayList<>();

    RegimeSchedule(long key, double homeLevel, double dailyVol) {
        this.key = CounterRandom.mix(key ^ 0x7265_6769_6D65L);
        this.homeLevel = homeLevel;
        this.dailyVol = dailyVol;
    }

    int size() {
        return regimes.size();
    }

    Regime get(int index) {
        return regimes.get(index);
    }

    /**
     * Opens the next regime at {@code startMinute} with the path at log price {@code x}. Far above home a down
     * trend becomes likelier and vice versa, which keeps prices within a sane band over months without making
     * the direction of the next trend predictable.
     */
    Regime append(long startMinute, double x) {
        int j = regimes.size();
        double displacement = x - homeLevel;
        double up = Math.clamp(0.35 - LEAN * displacement, 0.05, 0.6);
        double down = Math.clamp(0.35 + LEAN * displacement, 0.05, 0.6);
        double pick = CounterRandom.uniform(key, j, 0);
        Regime.Kind kind = pick < up ? Regime.Kind.UP : pick < up + down ? Regime.Kind.DOWN : Regime.Kind.RANGE;

        // log-uniform lengths: mostly hours, sometimes days
        double minutes = MIN_MINUTES * Math.pow(MAX_MINUTES / MIN_MINUTES, CounterRandom.uniform(key, j, 1));
        long end = startMinute + Math.round(minutes);
        double strength = CounterRandom.uniform(key, j, 2);
        double volMult = CounterRandom.uniform(key, j, 3, 0.75, 1.25);
        Regime regime = switch (kind) {
            case UP, DOWN -> {
                double perDay = dailyVol * (0.8 + 1.2 * strength);
                double drift = (kind == Regime.Kind.UP ? perDay : -perDay) / 1440;
                yield new Regime(kind, startMinute, end, drift, x, 0, volMult);
            }
            case RANGE -> {
                double halfLifeMinutes = 60 + 300 * strength;
                yield new Regime(kind, startMinute, end, 0, x, Math.log(2) / halfLifeMinutes, volMult);
            }
        };
        regimes.add(regime);
        return regime;
    }
}
