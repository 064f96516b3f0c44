package dev.flotilla.engine.risk;

import java.math.BigDecimal;

/**
 * The consecutive-loss cooldown: after {@code after} losses in a row the size halves, and halves again with each
 * further loss, never below 10% of normal; a win restores the full size.
 */
public final class Cooldown {

    public static final BigDecimal FLOOR = new BigDecimal("0.10");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Cooldown() {
    }

    /** The share of the normal size after {@code losses} losses in a row. */
    public static BigDecimal factor(int losses, int after) {
        if (losses < after) return BigDecimal.ONE;
        BigDecimal f = HALF.pow(Math.min(losses - after + 1, 10));
        return f.compareTo(FLOOR) < 0 ? FLOOR : f;
    }

    /**
     * Losses in a row at the newest end of {@code results} (net PnL of round trips, newest first). A round trip
     * that came out exactly even neither breaks nor extends the run.
     */
    public static int streak(Iterable<BigDecimal> results) {
        int n = 0;
        for (BigDecimal r : results) {
            if (r.signum() > 0) break;
            if (r.signum() < 0) n++;
        }
        return n;
    }
}
