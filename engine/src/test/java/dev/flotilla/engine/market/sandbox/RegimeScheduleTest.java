package dev.flotilla.engine.market.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegimeScheduleTest {

    @Test
    void switchesBetweenAllKindsEveryFewHoursToDays() {
        RegimeSchedule schedule = new RegimeSchedule(123, Math.log(100), 0.05);
        Set<Regime.Kind> kinds = EnumSet.noneOf(Regime.Kind.class);
        long minute = 0;
        while (minute < 60 * 1440) {
            Regime regime = schedule.append(minute, Math.log(100));
            assertThat(regime.startMinute()).isEqualTo(minute);
            assertThat(regime.endMinute() - minute).isBetween(3L * 60, 3L * 1440);
            kinds.add(regime.kind());
            minute = regime.endMinute();
        }
        assertThat(kinds).containsExactlyInAnyOrder(Regime.Kind.values());
        assertThat(schedule.size()).isBetween(30, 200);
    }

    @Test
    void leansAgainstPricesFarFromHome() {
        RegimeSchedule high = new RegimeSchedule(5, Math.log(100), 0.05);
        RegimeSchedule low = new RegimeSchedule(5, Math.log(100), 0.05);
        int downWhenHigh = 0;
        int upWhenLow = 0;
        for (int j = 0; j < 400; j++) {
            if (high.append(j * 1000L, Math.log(200)).kind() == Regime.Kind.DOWN) downWhenHigh++;
            if (low.append(j * 1000L, Math.log(50)).kind() == Regime.Kind.UP) upWhenLow++;
        }
        assertThat(downWhenHigh).isGreaterThan(200);
        assertThat(upWhenLow).isGreaterThan(200);
    }

    @Test
    void rangesPullTowardTheirAnchorAndTrendsDrift() {
        RegimeSchedule schedule = new RegimeSchedule(77, 0, 0.05);
        for (int j = 0; j < 100; j++) {
            Regime regime = schedule.append(j * 1000L, 0.1);
            switch (regime.kind()) {
                case UP -> assertThat(regime.drift(0.1)).isPositive();
                case DOWN -> assertThat(regime.drift(0.1)).isNegative();
                case RANGE -> {
                    assertThat(regime.drift(0.1)).isZero();
                    assertThat(regime.drift(0.2)).isNegative();
                    assertThat(regime.drift(0.0)).isPositive();
                }
            }
        }
    }
}
