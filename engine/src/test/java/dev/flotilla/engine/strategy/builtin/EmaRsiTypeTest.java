package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmaRsiTypeTest {

    @Test
    void buysTheUpCrossAfterTheLowAndSellsTheDownCrossAfterTheTop() {
        var result = Runs.replay("ema-rsi", Map.of(), Paths.valley());

        // EMA 9 overtakes EMA 21 eight bars into the rise, and falls back under it eight bars into the decline
        assertThat(Runs.entries(result)).containsExactly(Paths.VALLEY_LOW + 8);
        assertThat(Runs.exits(result)).containsExactly(Paths.VALLEY_TOP + 8);
        assertThat(Runs.reasonAt(result, 69)).isEqualTo("EMA 9 crossed above EMA 21 (97.4759 > 97.4742), RSI 54.5");
        assertThat(Runs.reasonAt(result, 89)).isEqualTo("EMA 9 crossed below EMA 21 (98.5251 < 98.6338), RSI 43.5");
    }

    @Test
    void anUpCrossAtOrAboveOverboughtIsNotBought() {
        var result = Runs.replay("ema-rsi", Map.of("overbought", 54.0), Paths.valley());

        assertThat(Runs.entries(result)).isEmpty();
    }

    @Test
    void aDownCrossAtOrBelowOversoldIsNotSold() {
        var result = Runs.replay("ema-rsi", Map.of("oversold", 44.0, "overbought", 60.0), Paths.valley());

        assertThat(Runs.entries(result)).containsExactly(69);
        assertThat(Runs.exits(result)).isEmpty();
    }
}
