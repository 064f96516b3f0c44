package dev.flotilla.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Timeframe;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type with its defaults must trade a week of 15-minute bars, or a fleet of them would sit idle. */
class WeekOfRandomWalkTest {

    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();

    static Stream<Arguments> typesAndSeeds() {
        return REGISTRY.types().stream().flatMap(type ->
                Stream.of(11L, 22L, 33L, 44L, 55L).map(seed -> Arguments.of(type.id(), seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("typesAndSeeds")
    void entersAndExitsAtLeastTwiceInAWeek(String id, long seed) {
        var week = SyntheticMarket.candles(seed, SyntheticMarket.WEEK_M15, 100, Timeframe.M15);

        var result = Replay.run(REGISTRY.create(id, Map.of()), Timeframe.M15, week);

        assertThat(result.entries()).as("entries").isGreaterThanOrEqualTo(2);
        assertThat(result.exits()).as("exits").isGreaterThanOrEqualTo(2);
        assertThat(result.trades()).allSatisfy(t -> assertThat(t.exitBar()).isNotEqualTo(t.entryBar()));
    }
}
