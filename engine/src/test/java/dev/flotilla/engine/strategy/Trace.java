package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.Signal;
import java.util.ArrayList;
import java.util.List;

/** The bars at which a replay's decisions had a given signal, for compact assertions. */
public final class Trace {

    private Trace() {
    }

    public static List<Integer> barsWith(Replay.Result result, Signal signal) {
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < result.decisions().size(); i++) {
            if (result.decisions().get(i).signal() == signal) bars.add(i);
        }
        return bars;
    }
}
