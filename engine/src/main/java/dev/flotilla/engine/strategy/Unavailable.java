package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.Strategy;
import org.ta4j.core.BarSeries;

/**
 * The strategy of a bot whose type cannot be made now: its plug-in is missing, failed to load or waits for approval.
 * The bot is held in ERROR with {@link #cause()}; should it run anyway, its tick fails with the same words. A bot in
 * ERROR for this reason runs again once its type is back (see {@link #isCause}).
 */
public record Unavailable(String cause) implements Strategy {

    /** How every such cause begins, so the engine can tell it from a strategy that failed while trading. */
    public static final String PREFIX = "strategy unavailable: ";

    public Unavailable {
        if (!cause.startsWith(PREFIX)) cause = PREFIX + cause;
    }

    /** Whether a bot's ERROR cause is that its strategy was unavailable (and may clear once it is back). */
    public static boolean isCause(String cause) {
        return cause != null && cause.startsWith(PREFIX);
    }

    @Override
    public BoundStrategy bind(BarSeries series) {
        return new BoundStrategy() {
            @Override
            public void prime(int index) {
            }

            @Override
            public Decision evaluate(int index, OpenPosition position) {
                throw new IllegalStateException(cause);
            }
        };
    }
}
