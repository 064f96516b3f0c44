package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Timeframe;
import dev.flotilla.strategy.OpenPosition;
import dev.flotilla.engine.strategy.PricePath;
import dev.flotilla.engine.strategy.Replay;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtrTrendTypeTest {

    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();

    /** A quiet range (EMA 50 near 100.2, ATR near 0.4), a breakout at bar 60, a steady climb, a collapse. */
    private static PricePath breakoutClimbCollapse() {
        return PricePath.startAt(100).zigzag(59, 0.4).then(101).ramp(15, 0.5).then(100).hold(2);
    }

    @Test
    void entersTheBreakoutWithAnAtrStopBelowTheClose() {
        var result = Runs.replay("atr-trend", Map.of(), breakoutClimbCollapse());

        assertThat(Runs.entries(result)).containsExactly(60);
        var entry = result.decisions().get(60);
        assertThat(entry.hasStop()).isTrue();
        assertThat(entry.stopPrice()).isLessThan(101).isGreaterThan(101 - 3 * 1.0);
        assertThat(entry.reason()).startsWith("close 101 above EMA 50 (").contains("10-bar closing high 100.4; stop ");
    }

    @Test
    void trailsAStopThatNeverFallsWhilePricesRiseThenIsHitOnTheCollapse() {
        var result = Runs.replay("atr-trend", Map.of(), breakoutClimbCollapse());

        double before = result.stops()[60];
        for (int bar = 61; bar <= 75; bar++) {
            double stop = result.stops()[bar];
            assertThat(stop).as("stop at bar %d", bar).isGreaterThanOrEqualTo(before).isLessThan(101 + 0.5 * (bar - 60));
            before = stop;
        }
        assertThat(result.stops()[75]).isGreaterThan(result.stops()[61]);
        assertThat(result.trades()).hasSize(1);
        assertThat(result.trades().getFirst().exitBar()).isEqualTo(76);
        assertThat(result.trades().getFirst().stopped()).isTrue();
    }

    @Test
    void sellsWhenTheCloseFallsBelowTheTrendEma() {
        var candles = PricePath.startAt(100).zigzag(59, 0.4).then(99.5).candles();
        var position = new OpenPosition(100.4, 0, 99.5, Double.NaN);

        var decision = Replay.last(REGISTRY.create("atr-trend", Map.of()), Timeframe.M15, candles, position);

        assertThat(decision.signal()).isEqualTo(Signal.EXIT);
        assertThat(decision.reason()).startsWith("close 99.5 fell below EMA 50 (100.");
    }

    @Test
    void neverReturnsALooserLevelThanTheStopInForce() {
        var candles = breakoutClimbCollapse().candles().subList(0, 70);
        var strategy = REGISTRY.create("atr-trend", Map.of());

        var free = Replay.last(strategy, Timeframe.M15, candles, new OpenPosition(101, 0, 105.5, Double.NaN));
        var held = Replay.last(strategy, Timeframe.M15, candles, new OpenPosition(101, 0, 105.5, 104.9));

        assertThat(free.signal()).isEqualTo(Signal.HOLD);
        assertThat(free.stopPrice()).isLessThan(104.9);
        assertThat(held.stopPrice()).isEqualTo(104.9);
        assertThat(free.reason()).startsWith("trailing stop ").contains("(high 105.5 - 3 x ATR ");
    }
}
