package dev.flotilla.ui.screen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.EngineReads;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.api.PositionView;
import dev.flotilla.engine.api.TradeView;
import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.model.BotStatus;
import dev.flotilla.engine.model.Order;
import dev.flotilla.ui.Snapshots;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Pulse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EquityModelTest {

    static final long H = 3_600_000;

    /** Reads with a stored fleet history of two hourly points. */
    static final EngineReads READS = new EngineReads() {
        public List<Order> orders(String botId, int limit) { return List.of(); }
        public List<TradeView> trades(String botId, int limit) { return List.of(); }
        public List<PositionView> positions(String botId, int limit) { return List.of(); }
        public List<EquityPoint> equity(String botId, int limit) {
            return List.of(new EquityPoint(0, new BigDecimal("20000")), new EquityPoint(H, new BigDecimal("20400")));
        }
        public Optional<BotChart> chart(String botId, int bars, dev.flotilla.engine.api.ChartTimeframe shown) { return Optional.empty(); }
    };

    static Pulse pulse(long time, String equity, EngineEvent... events) {
        var s = Snapshots.fleet(time, Snapshots.bot("a", BotStatus.RUNNING, equity, equity));
        return new Pulse(s, List.of(events), 0, 0, 0);
    }

    @Test
    void theCurveGrowsWithEquityEventsAndMovesALivePointBetweenThem() {
        EquityModel m = new EquityModel(READS, Loader.DIRECT);
        m.load();
        assertThat(m.curve()).hasSize(2);
        m.onPulse(pulse(H + 60_000, "20300"));
        assertThat(m.curve()).hasSize(3);
        assertThat(m.curve().getLast().equity()).isEqualByComparingTo("20300");
        m.onPulse(pulse(2 * H, "20200", new AccountEvent.EquitySnapshot(2 * H, null, new BigDecimal("20200")),
                new AccountEvent.EquitySnapshot(2 * H, "a", new BigDecimal("20200"))));
        assertThat(m.stored()).hasSize(3);
        assertThat(m.curve()).hasSize(3);
        assertThat(m.times()).containsExactly(m.curve().stream().mapToDouble(p -> p.time() / 1000.0).toArray());
        assertThat(m.values()).containsExactly(m.curve().stream().mapToDouble(p -> p.equity().doubleValue()).toArray());
        double[] dd = CurvesChartView.drawdown(m.values());
        assertThat(dd[0]).isZero();
        assertThat(dd[2]).isCloseTo(-200 / 20400.0 * 100, org.assertj.core.api.Assertions.within(1e-9));
    }
}
