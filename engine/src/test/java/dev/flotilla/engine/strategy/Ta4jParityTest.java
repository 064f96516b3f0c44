package dev.flotilla.engine.strategy;

import dev.flotilla.strategy.Strategy;
import dev.flotilla.strategy.Decision;
import dev.flotilla.strategy.OpenPosition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.fleet.FeedBook;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.strategy.Signal;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;

/**
 * The engine's path (a feed's book growing its series one candle at a time, the bot's bound strategy deciding at each
 * close) against ta4j's own BarSeriesManager running each type's rule written as ta4j rules (see {@link Ta4jRules}),
 * over the same bars, both filling at the signal bar's close: the same trades, entry and exit bar for bar.
 */
class Ta4jParityTest {

    private static final StrategyRegistry REGISTRY = StrategyRegistry.builtin();
    private static final int BARS = 5_000;

    static Stream<Arguments> typesAndMarkets() {
        Feed btc = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
        long origin = 1_767_225_600_000L;
        List<Candle> sandbox = new SandboxMarket(42, origin, () -> Long.MAX_VALUE)
                .closedCandles(btc, origin, origin + (long) BARS * btc.timeframe().millis(), BARS);
        List<Candle> synthetic = SyntheticMarket.candles(77, BARS, 2_000, Timeframe.M15);
        return REGISTRY.types().stream().flatMap(t -> Stream.of(
                Arguments.of(t.id(), "sandbox", sandbox), Arguments.of(t.id(), "synthetic", synthetic)));
    }

    @ParameterizedTest(name = "{0} on {1} bars")
    @MethodSource("typesAndMarkets")
    void theEngineTradesExactlyAsBarSeriesManagerWithTheSameRules(String id, String market, List<Candle> candles) {
        Map<String, Double> params = REGISTRY.resolve(id, Map.of());
        assertThat(candles).hasSize(BARS);

        List<List<Integer>> engine = engine(REGISTRY.create(id, params), candles);
        BarSeries series = Bars.series("ta4j", Timeframe.M15, candles);
        // the engine holds while it has fewer bars than the warm-up, so it decides from index warm-up - 1 on
        var strategy = new BaseStrategy(id, Ta4jRules.entry(id, series, params), Ta4jRules.exit(id, series, params),
                REGISTRY.warmupBars(id, params) - 1);
        TradingRecord record = new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);

        assertThat(engine).as(id).isEqualTo(trades(record));
        assertThat(engine).as("a comparison of runs that never trade proves nothing").hasSizeGreaterThan(10);
    }

    /** Entry and exit bar of each round trip, an exit of -1 for one still open at the end. */
    private static List<List<Integer>> engine(Strategy strategy, List<Candle> candles) {
        FeedBook book = new FeedBook(new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15), StrategyRegistry.MAX_WINDOW, 0);
        book.bars().bind("bot", strategy);
        List<List<Integer>> trades = new ArrayList<>();
        OpenPosition position = null;
        int entry = -1;
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            book.append(List.of(c));
            if (position != null) {
                position = new OpenPosition(position.entryPrice(), position.entryTime(),
                        Math.max(position.highestPrice(), c.close()), position.stopPrice());
            }
            Decision d = book.bars().evaluate("bot", position);
            if (position == null && d.signal() == Signal.ENTER) {
                position = new OpenPosition(c.close(), c.openTime(), c.close(), d.stopPrice());
                entry = i;
            } else if (position != null && d.signal() == Signal.EXIT) {
                trades.add(List.of(entry, i));
                position = null;
            } else if (position != null && d.hasStop()) {
                // the stop in force only tightens, as the engine keeps it
                double stop = Double.isNaN(position.stopPrice()) ? d.stopPrice() : Math.max(position.stopPrice(), d.stopPrice());
                position = new OpenPosition(position.entryPrice(), position.entryTime(), position.highestPrice(), stop);
            }
        }
        if (position != null) trades.add(List.of(entry, -1));
        return trades;
    }

    private static List<List<Integer>> trades(TradingRecord record) {
        List<List<Integer>> trades = new ArrayList<>();
        for (Position p : record.getPositions()) trades.add(List.of(p.getEntry().getIndex(), p.getExit().getIndex()));
        if (record.getCurrentPosition().isOpened()) trades.add(List.of(record.getCurrentPosition().getEntry().getIndex(), -1));
        return trades;
    }
}
