package dev.flotilla.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Timeframe;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A restarted engine must decide exactly as before: strategies keep nothing between calls. */
class DeterminismTest {

    private final StrategyRegistry registry = StrategyRegistry.builtin();

    @Test
    void theSameCandlesGiveTheSameDecisions() {
        var candles = SyntheticMarket.candles(99, 400, 250, Timeframe.M15);
        for (StrategyType type : registry.types()) {
            var first = Replay.run(registry.create(type.id(), Map.of()), Timeframe.M15, candles);
            var second = Replay.run(registry.create(type.id(), Map.of()), Timeframe.M15, candles);
            assertThat(second.decisions()).as(type.id()).isEqualTo(first.decisions());
            assertThat(second.trades()).as(type.id()).isEqualTo(first.trades());
        }
    }

    @Test
    void oneStrategyInstanceGivesTheSameAnswerWhateverItSawBefore() {
        var candles = SyntheticMarket.candles(5, 400, 250, Timeframe.M15);
        var window = Bars.series("a", Timeframe.M15, candles.subList(100, 400));
        var position = new OpenPosition(250, 0, 260, 240);
        for (StrategyType type : registry.types()) {
            var strategy = registry.create(type.id(), Map.of());
            var fresh = strategy.evaluate(window, null);
            var freshHolding = strategy.evaluate(window, position);
            // feed it other series in between, as a shared instance would see after a restart or in a backtest
            Replay.run(strategy, Timeframe.M15, candles.subList(0, 200));
            assertThat(strategy.evaluate(window, null)).as(type.id()).isEqualTo(fresh);
            assertThat(strategy.evaluate(Bars.series("b", Timeframe.M15, candles.subList(100, 400)), position))
                    .as(type.id()).isEqualTo(freshHolding);
        }
    }

    @Test
    void botsOnOneFeedMayEvaluateTheSharedSeriesInParallel() {
        var series = Bars.series("feed", Timeframe.M15, SyntheticMarket.candles(8, 300, 42_000, Timeframe.M15));
        var strategies = registry.types().stream().map(t -> registry.create(t.id(), Map.of())).toList();
        List<Decision> sequential = strategies.stream().map(s -> s.evaluate(series, null)).toList();

        var parallel = IntStream.range(0, 240).parallel()
                .mapToObj(n -> strategies.get(n % strategies.size()).evaluate(series, null))
                .toList();

        for (int n = 0; n < parallel.size(); n++) {
            assertThat(parallel.get(n)).isEqualTo(sequential.get(n % strategies.size()));
        }
    }
}
