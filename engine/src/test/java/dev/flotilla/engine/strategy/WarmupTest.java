package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.StrategyType;
import dev.flotilla.strategy.ParamSpec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Timeframe;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WarmupTest {

    private final StrategyRegistry registry = StrategyRegistry.builtin();

    @Test
    void theLongestAllowedPeriodsFitTheWindow() {
        for (StrategyType type : registry.types()) {
            Map<String, Double> longest = new HashMap<>();
            for (ParamSpec p : type.params()) longest.put(p.name(), p.max());
            // the faster of a pair must stay below the slower one, so it is one step under its maximum at most
            longest.computeIfPresent("fastPeriod", (k, v) -> Math.min(v, longest.get("slowPeriod") - 1));
            longest.computeIfPresent("oversold", (k, v) -> Math.min(v, longest.getOrDefault("exitLevel", v + 1) - 1));
            assertThat(type.warmupBars(registry.resolve(type.id(), longest)))
                    .as(type.id()).isLessThanOrEqualTo(StrategyRegistry.MAX_WINDOW);
        }
    }

    @Test
    void everyAllowedCombinationFitsTheWindow() {
        var random = new SplittableRandom(7);
        for (StrategyType type : registry.types()) {
            int accepted = 0;
            for (int n = 0; n < 2_000; n++) {
                Map<String, Double> params = new HashMap<>();
                for (ParamSpec p : type.params()) {
                    double v = random.nextDouble(p.min(), p.max() + (p.integer() ? 1 : 0));
                    params.put(p.name(), p.integer() ? Math.floor(v) : Math.min(v, p.max()));
                }
                Map<String, Double> resolved;
                try {
                    resolved = registry.resolve(type.id(), params);
                } catch (IllegalArgumentException crossRuleBroken) {
                    continue;
                }
                accepted++;
                assertThat(type.warmupBars(resolved)).as("%s %s", type.id(), resolved)
                        .isBetween(2, StrategyRegistry.MAX_WINDOW);
            }
            assertThat(accepted).as(type.id()).isGreaterThan(500);
        }
    }

    @Test
    void aStrategyHoldsUntilItsWarmupIsThere() {
        var candles = SyntheticMarket.candles(3, 60, 100, Timeframe.M15);
        for (StrategyType type : registry.types()) {
            var params = registry.resolve(type.id(), Map.of());
            int warmup = type.warmupBars(params);
            var strategy = type.create(params);
            var decision = Replay.last(strategy, Timeframe.M15, candles.subList(0, warmup - 1), null);
            assertThat(decision.signal()).as(type.id()).isEqualTo(Signal.HOLD);
            assertThat(decision.reason()).isEqualTo("warming up: " + (warmup - 1) + " of " + warmup + " bars");
        }
    }
}
