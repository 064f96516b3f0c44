package dev.flotilla.engine.strategy.builtin;

import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.engine.strategy.PricePath;
import dev.flotilla.engine.strategy.Replay;
import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.engine.strategy.Trace;
import java.util.List;
import java.util.Map;

/** Replays a hand-built path through a built-in type, as the engine would. */
final class Runs {

    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();

    private Runs() {
    }

    static Replay.Result replay(String id, Map<String, Double> params, PricePath path) {
        return Replay.run(REGISTRY.create(id, params), Timeframe.M15, path.candles());
    }

    static List<Integer> entries(Replay.Result result) {
        return Trace.barsWith(result, Signal.ENTER);
    }

    static List<Integer> exits(Replay.Result result) {
        return Trace.barsWith(result, Signal.EXIT);
    }

    static String reasonAt(Replay.Result result, int bar) {
        return result.decisions().get(bar).reason();
    }
}
