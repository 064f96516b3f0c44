package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.BoundStrategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.strategy.Strategy;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;

/**
 * A plug-in's strategy as the engine holds it: whatever its code throws while binding, priming or deciding, a
 * missing class or a stack overflow included, becomes an exception naming the jar, so the engine puts that bot in
 * ERROR and every other bot trades on.
 */
record Guarded(String jar, Strategy inner) implements Strategy {

    @Override
    public BoundStrategy bind(BarSeries series) {
        BoundStrategy bound = call(jar, () -> inner.bind(series));
        return new BoundStrategy() {
            @Override
            public void prime(int index) {
                call(jar, () -> {
                    bound.prime(index);
                    return null;
                });
            }

            @Override
            public Decision evaluate(int index, OpenPosition position) {
                Decision d = call(jar, () -> bound.evaluate(index, position));
                if (d == null || d.signal() == null) throw new IllegalStateException("plug-in " + jar + " decided nothing (null)");
                return d;
            }
        };
    }

    /** Runs plug-in code; anything it throws comes back as an IllegalStateException naming the jar. */
    static <T> T call(String jar, Supplier<T> code) {
        try {
            return code.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            String m = e.getMessage();
            throw new IllegalStateException("plug-in " + jar + ": " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m), e);
        }
    }
}
