package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.StrategyType;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A restarted engine must decide exactly as before: a strategy's only state is its bound indicators' caches. */
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
    void oneStrategyBoundToSeveralSeriesKeepsThemApart() {
        var candles = SyntheticMarket.candles(5, 400, 250, Timeframe.M15);
        var window = candles.subList(100, 400);
        var position = new OpenPosition(250, 0, 260, 240);
        for (StrategyType type : registry.types()) {
            var strategy = registry.create(type.id(), Map.of());
            var fresh = Replay.last(strategy, Timeframe.M15, window, null);
            var freshHolding = Replay.last(strategy, Timeframe.M15, window, position);
            // bind it to other bars in between, as one bot's strategy is after a replay of its feed
            Replay.run(strategy, Timeframe.M15, candles.subList(0, 200));
            assertThat(Replay.last(strategy, Timeframe.M15, window, null)).as(type.id()).isEqualTo(fresh);
            assertThat(Replay.last(strategy, Timeframe.M15, window, position)).as(type.id()).isEqualTo(freshHolding);
        }
    }

    @Test
    void botsOnOneFeedMayEvaluateTheSharedSeriesInParallel() {
        var series = Bars.growing("feed", Bars.MAX_BARS);
        var bound = registry.types().stream().map(t -> registry.create(t.id(), Map.of()).bind(series)).toList();
        for (Candle c : SyntheticMarket.candles(8, 300, 42_000, Timeframe.M15)) {
            Bars.append(series, Timeframe.M15, c);
            bound.forEach(b -> b.prime(series.newestIndex()));
        }
        int last = series.newestIndex();
        List<Decision> sequential = bound.stream().map(b -> b.evaluate(last, null)).toList();

        var parallel = IntStream.range(0, 240).parallel()
                .mapToObj(n -> bound.get(n % bound.size()).evaluate(last, null))
                .toList();

        for (int n = 0; n < parallel.size(); n++) {
            assertThat(parallel.get(n)).isEqualTo(sequential.get(n % bound.size()));
        }
    }
}
