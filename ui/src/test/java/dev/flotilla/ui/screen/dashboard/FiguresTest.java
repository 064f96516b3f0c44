package dev.flotilla.ui.screen.dashboard;

import static dev.flotilla.ui.Snapshots.bot;
import static dev.flotilla.ui.Snapshots.fleet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.engine.model.BotStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    static final long DAY2 = Instant.parse("2026-01-06T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000;

    static EquityPoint p(long t, String e) {
        return new EquityPoint(t, new BigDecimal(e));
    }

    @Test
    void dayPnlIsCountedFromTheEquityAtMidnightUtc() {
        var s = fleet(DAY2 + 5 * HOUR, bot("a", BotStatus.RUNNING, "10300", "10300"), bot("b", BotStatus.RUNNING, "9900", "9900"));
        Figures f = Figures.of(s, List.of(p(DAY2 - HOUR, "19000"), p(DAY2, "20000"), p(DAY2 + HOUR, "20500")));
        assertThat(f.dayOpen()).isEqualByComparingTo("20000");
        assertThat(f.dayPnl()).isEqualByComparingTo("200");
        assertThat(f.dayPnlFraction()).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void withoutASnapshotAtMidnightTheDaysFirstOneIsTheOpenAndWithoutAnyTheCapital() {
        var s = fleet(DAY2 + 5 * HOUR, bot("a", BotStatus.RUNNING, "10100", "10100"));
        assertThat(Figures.of(s, List.of(p(DAY2 + 2 * HOUR, "10050"))).dayOpen()).isEqualByComparingTo("10050");
        assertThat(Figures.of(s, List.of()).dayOpen()).isEqualByComparingTo("10000");
    }

    @Test
    void exposureIsThePositionsValueOverEquityAndDrawdownIsMeasuredFromThePeak() {
        var s = fleet(DAY2, bot("a", BotStatus.RUNNING, "10000", "7500"), bot("b", BotStatus.STOPPED, "9000", "9000"));
        Figures f = Figures.of(s, List.of(p(DAY2 - 2 * HOUR, "19000"), p(DAY2 - HOUR, "20000")));
        assertThat(f.positionValue()).isEqualByComparingTo("2500");
        assertThat(f.exposure()).isCloseTo(2500 / 19000.0, within(1e-9));
        assertThat(f.peak()).isEqualByComparingTo("20000");
        assertThat(f.drawdown()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void theModelWritesTheFiguresAsATraderReadsThem() {
        var s = fleet(DAY2 + HOUR, bot("a", BotStatus.RUNNING, "10300.5", "8000"), bot("b", BotStatus.ERROR, "9900", "9900"));
        DashboardModel m = new DashboardModel();
        m.show(s, List.of(p(DAY2, "20000")));
        assertThat(m.equity().get()).isEqualTo("20,200.50 USDT");
        assertThat(m.dayPnl().get()).isEqualTo("+200.50 USDT");
        assertThat(m.dayPnlStyle().get()).isEqualTo("pnl-up");
        assertThat(m.exposure().get()).isEqualTo("11.39%");
        assertThat(m.drawdown().get()).isEqualTo("0.00%");
        assertThat(m.bots().get()).isEqualTo("1 of 2 running");
        assertThat(m.botsNote().get()).isEqualTo("1 bot in ERROR");
        assertThat(m.state().get()).isEqualTo("ACTIVE");
    }
}
