package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.strategy.PricePath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BollingerReversionTypeTest {

    /** A quiet range around 100.25 (bands about 99.75 to 100.75), one close far below, then a recovery. */
    private static PricePath stretchAndSnapBack() {
        return PricePath.startAt(100).zigzag(39, 0.5).then(99, 100, 100.5, 101, 102.5, 102.5);
    }

    @Test
    void buysTheCloseBackInsideTheLowerBandAndSellsAtTheMiddleBand() {
        var result = Runs.replay("bollinger-reversion", Map.of(), stretchAndSnapBack());

        // bar 40 closes at 99, below the lower band; bar 41 closes back inside it; bar 42 clears the middle
        assertThat(Runs.entries(result)).containsExactly(41);
        assertThat(Runs.exits(result)).containsExactly(42);
        assertThat(Runs.reasonAt(result, 41)).startsWith("close 100 back above lower band ").contains("after 99 below ");
        assertThat(Runs.reasonAt(result, 42)).startsWith("close 100.5 reached target ");
    }

    @Test
    void exitBandOneWaitsForTheUpperBand() {
        var result = Runs.replay("bollinger-reversion", Map.of("exitBand", 1.0), stretchAndSnapBack());

        assertThat(Runs.entries(result)).containsExactly(41);
        assertThat(Runs.exits(result)).containsExactly(44);
    }
}
