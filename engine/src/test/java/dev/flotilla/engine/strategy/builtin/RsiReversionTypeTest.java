package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.strategy.PricePath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsiReversionTypeTest {

    /** A balanced range (RSI near 50), a slide of five losing bars (RSI near 15), then two strong up bars. */
    private static PricePath slideAndRebound() {
        return PricePath.startAt(100).zigzag(30, 0.5).ramp(5, -1).ramp(2, 2).hold(3);
    }

    @Test
    void buysWhenRsiCrossesBackAboveOversoldAndSellsAtTheExitLevel() {
        var result = Runs.replay("rsi-reversion", Map.of(), slideAndRebound());

        assertThat(Runs.entries(result)).containsExactly(36);
        assertThat(Runs.exits(result)).containsExactly(37);
        assertThat(Runs.reasonAt(result, 36)).startsWith("RSI 7 crossed up through 30 (");
        assertThat(Runs.reasonAt(result, 37)).startsWith("RSI 7 reached ").endsWith("(exit level 50)");
    }

    @Test
    void aHigherExitLevelHoldsLonger() {
        var path = slideAndRebound().ramp(5, 2);
        var result = Runs.replay("rsi-reversion", Map.of("exitLevel", 80.0), path);

        assertThat(Runs.entries(result)).containsExactly(36);
        assertThat(Runs.exits(result)).hasSize(1).allSatisfy(bar -> {
            assertThat(bar).isGreaterThan(40);
            assertThat(Runs.reasonAt(result, bar)).endsWith("(exit level 80)");
        });
    }
}
