package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Candle;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a bot's chart shows: the recent closed candles of its feed ({@code timeframe} long: the bot's own
 * {@code botTimeframe} or its candles merged into longer ones), its strategy's indicators over the same candles,
 * its fills among them, and its open position's entry, stop and take-profit (null when flat; the take-profit also
 * when the bot's limit is off).
 */
public record BotChart(String botId, String strategy, String symbol, String timeframe, List<Candle> candles,
                       List<ChartLine> indicators, List<TradeMarker> markers, BigDecimal entryPrice,
                       BigDecimal stopPrice, BigDecimal takeProfitPrice, String botTimeframe) {

    /** A chart in the bot's own timeframe. */
    public BotChart(String botId, String strategy, String symbol, String timeframe, List<Candle> candles,
                    List<ChartLine> indicators, List<TradeMarker> markers, BigDecimal entryPrice,
                    BigDecimal stopPrice, BigDecimal takeProfitPrice) {
        this(botId, strategy, symbol, timeframe, candles, indicators, markers, entryPrice, stopPrice, takeProfitPrice,
                timeframe);
    }

    public BotChart(String botId, String strategy, String symbol, String timeframe, List<Candle> candles,
                    List<ChartLine> indicators, List<TradeMarker> markers, BigDecimal entryPrice, BigDecimal stopPrice) {
        this(botId, strategy, symbol, timeframe, candles, indicators, markers, entryPrice, stopPrice, null);
    }
}
