package dev.flotilla.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.engine.backtest.Backtest;
import dev.flotilla.engine.backtest.BacktestResult;
import dev.flotilla.engine.backtest.HistoryMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.ClosedTrade;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.RiskState;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;

/**
 * Real bars: the ETH 5-minute bars that ta4j's examples jar ships (BinanceUS, March 2023), put together into 15-minute
 * candles, traded by an EMA-RSI bot through Flotilla's whole backtest (engine, risk gateway, paper broker, fees off) and
 * by ta4j's own BarSeriesManager running the same rules written as ta4j rules: the same trades, bar for bar and price
 * for price.
 */
class Ta4jExamplesBacktestTest {

    private static final Feed ETH = new Feed(Symbol.parse("ETH/USDT"), Timeframe.M15);
    private static final Map<String, Double> PARAMS = Map.of("fastPeriod", 5.0, "slowPeriod", 13.0, "rsiPeriod", 7.0,
            "overbought", 70.0, "oversold", 30.0);

    /** The examples' 5-minute bars, three at a time into the 15-minute candles that hold them whole. */
    static List<Candle> fifteenMinuteBars() throws Exception {
        JsonNode root;
        try (InputStream in = Ta4jExamplesBacktestTest.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            assertThat(in).as("ta4j-examples' bars on the test class path").isNotNull();
            root = new ObjectMapper().readTree(in);
        }
        long five = 300_000;
        long quarter = Timeframe.M15.millis();
        List<Candle> out = new ArrayList<>();
        List<JsonNode> group = new ArrayList<>();
        for (JsonNode bar : root.get("ohlc")) {
            long open = bar.get("endTime").asLong() + 1 - five;
            if (!group.isEmpty() && Math.floorDiv(open, quarter) != Math.floorDiv(start(group.getFirst(), five), quarter)) {
                if (group.size() == 3) out.add(merge(group, quarter, five));
                group.clear();
            }
            group.add(bar);
        }
        if (group.size() == 3) out.add(merge(group, quarter, five));
        return out;
    }

    private static long start(JsonNode bar, long five) {
        return bar.get("endTime").asLong() + 1 - five;
    }

    private static Candle merge(List<JsonNode> bars, long quarter, long five) {
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double volume = 0;
        for (JsonNode b : bars) {
            high = Math.max(high, b.get("highPrice").asDouble());
            low = Math.min(low, b.get("lowPrice").asDouble());
            volume += b.get("volume").asDouble();
        }
        return new Candle(Math.floorDiv(start(bars.getFirst(), five), quarter) * quarter, bars.getFirst().get("openPrice").asDouble(),
                high, low, bars.getLast().get("closePrice").asDouble(), volume);
    }

    @Test
    void flotillasBacktestTradesTheExamplesBarsAsBarSeriesManagerDoes() throws Exception {
        List<Candle> candles = fifteenMinuteBars();
        assertThat(candles).hasSizeGreaterThan(180);
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime() - candles.get(i - 1).openTime()).as("no gap").isEqualTo(Timeframe.M15.millis());
        }
        long from = candles.getFirst().openTime();
        long to = candles.getLast().closeTime(Timeframe.M15);
        BotSpec bot = new BotSpec("ema-eth", "ema-rsi", ETH.symbol(), Timeframe.M15, PARAMS, new BigDecimal("10000"));
        // limits that never stop a trade the rules make: ta4j knows none of them
        Map<String, Map<String, String>> limits = Map.of(
                "ema-eth", Map.of("stopLoss", "0.5", "takeProfit", "0", "trailingStop", "0", "maxTradesPerDay", "1000",
                        "drawdown", "1", "dailyLoss", "1", "cooldownAfter", "100"),
                RiskState.FLEET, Map.of("portfolioDrawdown", "1", "fleetDailyLoss", "1"));
        BacktestResult result = Backtest.run(new Backtest.Request(List.of(bot), from, to, BigDecimal.ZERO, BigDecimal.ZERO, limits),
                "ta4j-examples bars", clock -> new HistoryMarket(Map.of(ETH, candles), clock), Backtest.Progress.NONE, () -> false);

        StrategyRegistry registry = StrategyRegistry.builtin();
        BarSeries series = Bars.series("ta4j", Timeframe.M15, candles);
        var strategy = new BaseStrategy("ema-rsi", Ta4jRules.entry("ema-rsi", series, PARAMS),
                Ta4jRules.exit("ema-rsi", series, PARAMS), registry.warmupBars("ema-rsi", PARAMS) - 1);
        TradingRecord record = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(),
                new TradeOnCurrentCloseModel()).run(strategy);

        List<String> flotilla = new ArrayList<>();
        for (ClosedTrade t : result.trades()) {
            flotilla.add(index(t.openedAt(), from) + "@" + t.entryPrice().stripTrailingZeros().toPlainString() + " -> "
                    + index(t.closedAt(), from) + "@" + t.exitPrice().stripTrailingZeros().toPlainString() + " " + t.exitReason());
        }
        List<String> ta4j = new ArrayList<>();
        for (Position p : record.getPositions()) {
            ta4j.add(p.getEntry().getIndex() + "@" + plain(p.getEntry().getPricePerAsset().doubleValue()) + " -> "
                    + p.getExit().getIndex() + "@" + plain(p.getExit().getPricePerAsset().doubleValue()) + " " + "EXIT");
        }
        System.out.println("trades (bar@price -> bar@price): " + flotilla);
        assertThat(flotilla).isEqualTo(ta4j);
        assertThat(flotilla).as("a comparison of runs that never trade proves nothing").hasSizeGreaterThanOrEqualTo(4);
        // a position still open at the end is open in both
        boolean openInTa4j = record.getCurrentPosition().isOpened();
        assertThat(result.fills()).isEqualTo(2 * flotilla.size() + (openInTa4j ? 1 : 0));
    }

    /** The bar whose close an engine instant is. */
    private static int index(long at, long from) {
        return (int) ((at - from) / Timeframe.M15.millis()) - 1;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
