package dev.flotilla.engine.market.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightBudgetTest {

    static final long M = 60_000;
    /** 10:00:00 on some day: a whole server minute. */
    static final long T = 1_772_445_600_000L;

    @Test
    void theBudgetIsTheLimitLessTheMargin() {
        WeightBudget b = new WeightBudget(6_000, 0.8);
        assertThat(b.budget()).isEqualTo(4_800);
        b.limit(1_200);
        assertThat(b.budget()).isEqualTo(960);
        b.limit(0);
        assertThat(b.limit()).as("a missing limit changes nothing").isEqualTo(1_200);
    }

    @Test
    void aSlidingMinuteNeverHoldsMoreThanTheBudget() {
        WeightBudget b = new WeightBudget(10, 1.0);
        assertThat(b.tryAcquire(4, T, T)).isZero();
        assertThat(b.tryAcquire(4, T + 10_000, T + 10_000)).isZero();
        // 8 used: a request of 4 must wait until the first one is a minute old
        assertThat(b.tryAcquire(4, T + 20_000, T + 20_000)).isEqualTo(40_000);
        assertThat(b.tryAcquire(2, T + 20_000, T + 20_000)).isZero();
        assertThat(b.usedInLastMinute(T + 20_000)).isEqualTo(10);
        assertThat(b.tryAcquire(4, T + M, T + M)).isZero();
        assertThat(b.usedInLastMinute(T + M)).isEqualTo(10);
        assertThatThrownBy(() -> b.tryAcquire(11, T + 5 * M, T + 5 * M)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatBinanceReportsForThisMinuteCountsUntilTheMinuteEnds() {
        WeightBudget b = new WeightBudget(100, 0.8);   // budget 80
        assertThat(b.tryAcquire(4, T + 1_000, T + 1_000)).isZero();
        // other programs on this IP used 70 of this minute; ours is 4 of it
        b.reported(74, T + 1_100);
        assertThat(b.reported(T + 1_100)).isEqualTo(74);
        assertThat(b.tryAcquire(4, T + 2_000, T + 2_000)).isZero();
        assertThat(b.reported(T + 2_000)).isEqualTo(78);
        // 78 + 4 > 80: wait for the server's next minute, although this process sent only 8
        assertThat(b.tryAcquire(4, T + 3_000, T + 3_000)).isEqualTo(57_000);
        assertThat(b.tryAcquire(4, T + M, T + M)).isZero();
        assertThat(b.reported(T + M)).as("a new minute starts from nothing reported").isEqualTo(-1);
    }
}
