package dev.flotilla.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Feed;
import dev.flotilla.engine.model.Symbol;
import dev.flotilla.engine.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryMarketTest {

    @Test
    void everyClosedCandleOfAPeriodComesBackWithNoLimit() {
        Feed feed = new Feed(Symbol.parse("BTC/USDT"), Timeframe.M15);
        long tf = Timeframe.M15.millis();
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) candles.add(new Candle(i * tf, 100, 101, 99, 100, 1));
        long end = 1_000 * tf;
        HistoryMarket m = new HistoryMarket(Map.of(feed, candles), () -> end);
        // the console asks for a run's whole period with no limit; a start past 0 must not wrap the end
        assertThat(m.closedCandles(feed, 300 * tf, end, Integer.MAX_VALUE)).hasSize(700);
        assertThat(m.closedCandles(feed, 300 * tf, end, 10)).hasSize(10);
    }
}
