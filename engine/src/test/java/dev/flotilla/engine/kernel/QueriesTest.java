package dev.flotilla.engine.kernel;

import dev.flotilla.engine.store.OnBothStores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.ChartLine;
import dev.flotilla.engine.api.ChartTimeframe;
import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.fleet.FleetFileTest;
import dev.flotilla.engine.model.Order;
import dev.flotilla.engine.model.Side;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's reads after two simulated days of the default fleet. */
@OnBothStores
class QueriesTest {

    @TempDir
    static Path dir;

    static EngineHarness h;

    @org.junit.jupiter.api.BeforeAll
    static void run() throws Exception {
        h = EngineHarness.open(dir, 7, FleetFileTest.defaultFleet(), StrategyRegistry.builtin()).runFor(Duration.ofDays(2));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        h.close();
    }

    @Test
    void ordersAndTradesComeNewestFirstAndFilterByBot() {
        List<Order> orders = h.engine.reads().orders(null, 50);
        assertThat(orders).hasSize(50).isSortedAccordingTo(Comparator.comparingLong(Order::createdAt).reversed());
        List<TradeView> trades = h.engine.reads().trades(null, 1_000);
        assertThat(trades).isSortedAccordingTo(Comparator.comparingLong(TradeView::time).reversed());
        assertThat(trades).hasSize(h.fills().size());
        assertThat(trades).allMatch(t -> t.side() == Side.BUY ? t.purpose().equals("ENTRY") : !t.purpose().equals("ENTRY"));
        String bot = trades.getFirst().botId();
        assertThat(h.engine.reads().trades(bot, 1_000)).isNotEmpty().allMatch(t -> t.botId().equals(bot));
        assertThat(h.engine.reads().orders(bot, 1_000)).isNotEmpty().allMatch(o -> o.botId().equals(bot));
    }

    @Test
    void positionsListTheOpenOnesFirst() {
        List<PositionView> all = h.engine.reads().positions(null, 500);
        long open = all.stream().filter(PositionView::open).count();
        assertThat(open).isEqualTo(h.engine.snapshot().openPositions());
        assertThat(all.subList(0, (int) open)).allMatch(PositionView::open).allMatch(p -> p.pnl() != null && p.lastPrice() != null);
        assertThat(all.subList((int) open, all.size())).isNotEmpty().allMatch(p -> !p.open() && p.closedAt() != null);
    }

    @Test
    void equityHistoryHasAnHourlyPointForTheFleetAndEachBot() {
        List<EquityPoint> fleet = h.engine.reads().equity(null, 10_000);
        assertThat(fleet).hasSize(48).isSortedAccordingTo(Comparator.comparingLong(EquityPoint::time));
        assertThat(h.engine.reads().equity("ema-btc-15m", 10)).hasSize(10);
    }

    @Test
    void aBotsChartHasItsCandlesIndicatorsAndFills() {
        BotChart chart = h.engine.reads().chart("ema-btc-15m", 120).orElseThrow();
        assertThat(chart.candles()).hasSize(120);
        assertThat(chart.indicators()).extracting(ChartLine::name)
                .containsExactly("EMA 9", "EMA 21", "RSI 14", "overbought 70", "oversold 30");
        assertThat(chart.indicators()).allMatch(l -> l.values().length == 120);
        assertThat(chart.indicators().getFirst().values()).doesNotContain(Double.NaN);
        long first = chart.candles().getFirst().openTime();
        assertThat(chart.markers()).allMatch(m -> m.time() >= first)
                .isSortedAccordingTo(Comparator.comparingLong(dev.flotilla.engine.api.TradeMarker::time));
        for (String type : List.of("boll-btc-1h", "donch-btc-4h", "rsi-eth-15m", "macd-eth-1h", "atr-eth-4h")) {
            BotChart c = h.engine.reads().chart(type, 60).orElseThrow();
            assertThat(c.indicators()).as(type).isNotEmpty().allMatch(l -> l.values().length == c.candles().size());
        }
        assertThat(h.engine.reads().chart("nobody", 10)).isEmpty();
    }

    @Test
    void aChartsMarksNameTheirOrderItsReasonAndAnExitsPnl() {
        String bot = h.fills().stream().filter(f -> f.side() == Side.SELL).map(f -> f.botId()).findFirst().orElseThrow();
        BotChart chart = h.engine.reads().chart(bot, 2_000).orElseThrow();
        List<dev.flotilla.engine.api.TradeMarker> fills = chart.markers().stream().filter(m -> !m.aiVeto()).toList();
        assertThat(fills).isNotEmpty().allMatch(m -> m.clientOrderId() != null && m.clientOrderId().startsWith(bot));
        List<Order> orders = h.engine.reads().orders(bot, 1_000);
        for (var m : fills) {
            Order o = orders.stream().filter(x -> x.clientOrderId().equals(m.clientOrderId())).findFirst().orElseThrow();
            assertThat(m.note()).isEqualTo(o.reason());
            assertThat(m.purpose()).isEqualTo(o.purpose());
        }
        // every exit carries the net PnL of the position it closed, as the position history has it; entries none
        List<PositionView> closed = h.engine.reads().positions(bot, 1_000).stream().filter(p -> !p.open()).toList();
        for (var m : fills) {
            if (m.side() == Side.BUY) {
                assertThat(m.pnl()).isNull();
                continue;
            }
            PositionView p = closed.stream().filter(x -> x.closedAt() == m.time()).findFirst().orElseThrow();
            assertThat(m.pnl()).isEqualByComparingTo(p.pnl());
        }
    }

    @Test
    void anOpenPositionsChartHasItsTakeProfitAtTheLimitOverItsEntry() {
        var held = h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() > 0).findFirst().orElseThrow();
        BotChart chart = h.engine.reads().chart(held.id(), 50).orElseThrow();
        var share = new java.math.BigDecimal(h.engine.risk().botLimits(held.id()).values().get("takeProfit"));
        assertThat(share.signum()).as("the default fleet's take-profit is on").isPositive();
        assertThat(chart.entryPrice()).isEqualByComparingTo(held.entryPrice());
        assertThat(chart.takeProfitPrice()).isEqualByComparingTo(held.entryPrice().multiply(java.math.BigDecimal.ONE.add(share))
                .setScale(8, java.math.RoundingMode.HALF_EVEN));  // the exit rule's own rounding
        var flat = h.engine.snapshot().bots().stream().filter(b -> b.positionQty().signum() == 0).findFirst().orElseThrow();
        assertThat(h.engine.reads().chart(flat.id(), 50).orElseThrow().takeProfitPrice()).isNull();
    }

    @Test
    void aChartInALongerTimeframeMergesTheBotsOwnCandlesAsTheExchangeWould() {
        // the same quarter hours the 20 hours are merged from (and one hour more), so that the indicators start alike
        BotChart own = h.engine.reads().chart("ema-btc-15m", 21 * 4).orElseThrow();
        BotChart hours = h.engine.reads().chart("ema-btc-15m", 20, ChartTimeframe.H1).orElseThrow();
        assertThat(hours.timeframe()).isEqualTo("1h");
        assertThat(hours.botTimeframe()).isEqualTo("15m");
        assertThat(hours.candles()).hasSize(20);
        assertThat(hours.indicators()).allMatch(l -> l.values().length == 20);
        for (int k = 0; k < hours.candles().size(); k++) {
            Candle hour = hours.candles().get(k);
            assertThat(hour.openTime() % 3_600_000).isZero();
            List<Candle> quarters = own.candles().stream()
                    .filter(c -> c.openTime() >= hour.openTime() && c.openTime() < hour.openTime() + 3_600_000).toList();
            // whole hours, except the newest, which may still be forming
            if (k < hours.candles().size() - 1) assertThat(quarters).hasSize(4);
            assertThat(hour.open()).isEqualTo(quarters.getFirst().open());
            assertThat(hour.close()).isEqualTo(quarters.getLast().close());
            assertThat(hour.high()).isEqualTo(quarters.stream().mapToDouble(Candle::high).max().orElseThrow());
            assertThat(hour.low()).isEqualTo(quarters.stream().mapToDouble(Candle::low).min().orElseThrow());
            assertThat(hour.volume()).isCloseTo(quarters.stream().mapToDouble(Candle::volume).sum(), org.assertj.core.data.Offset.offset(1e-6));
            // an indicator on an hour is its value at the hour's last quarter, as the bot saw it then
            int last = own.candles().indexOf(quarters.getLast());
            assertThat(hours.indicators().getFirst().values()[k]).isEqualTo(own.indicators().getFirst().values()[last]);
        }
        assertThat(h.engine.reads().chart("ema-btc-15m", 10, ChartTimeframe.D1).orElseThrow().candles())
                .hasSizeBetween(2, 10).allMatch(c -> c.openTime() % 86_400_000 == 0);
        assertThat(h.engine.reads().chart("ema-btc-15m", 10, ChartTimeframe.M15).orElseThrow().candles())
                .isEqualTo(own.candles().subList(own.candles().size() - 10, own.candles().size()));
        // hours asked of a 4h bot: its own 4h candles, and the chart says so
        BotChart slow = h.engine.reads().chart("donch-btc-4h", 10, ChartTimeframe.H1).orElseThrow();
        assertThat(slow.timeframe()).isEqualTo("4h");
        assertThat(slow.candles()).isEqualTo(h.engine.reads().chart("donch-btc-4h", 10).orElseThrow().candles());
    }
}
