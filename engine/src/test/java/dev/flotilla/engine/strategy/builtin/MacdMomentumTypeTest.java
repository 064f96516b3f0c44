package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.strategy.PricePath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacdMomentumTypeTest {

    @Test
    void buysTheSignalUpCrossAfterTheLowAndSellsTheDownCrossAfterTheTop() {
        var result = Runs.replay("macd-momentum", Map.of(), Paths.valley());

        // MACD turns faster than the EMA pair: two bars into the rise, four bars into the decline
        assertThat(Runs.entries(result)).containsExactly(Paths.VALLEY_LOW + 2);
        assertThat(Runs.exits(result)).containsExactly(Paths.VALLEY_TOP + 4);
        assertThat(Runs.reasonAt(result, 63)).isEqualTo("MACD 12/26 crossed above signal 9 (-0.756847 > -0.819961)");
        assertThat(Runs.reasonAt(result, 85)).isEqualTo("MACD 12/26 crossed below signal 9 (0.325557 < 0.397791)");
    }

    @Test
    void theZeroFilterSkipsAnUpCrossBelowZero() {
        var result = Runs.replay("macd-momentum", Map.of("zeroFilter", 1.0), Paths.valley());

        assertThat(Runs.entries(result)).isEmpty();
    }

    @Test
    void theZeroFilterBuysAnUpCrossAboveZero() {
        var path = PricePath.startAt(100).zigzag(40, 0.4).ramp(20, 0.3).ramp(4, -0.3);
        int resumed = path.next();
        path.ramp(10, 0.3);

        var result = Runs.replay("macd-momentum", Map.of("zeroFilter", 1.0), path);

        // the dip sells on a down-cross while MACD stays positive; the resumed climb is bought again
        assertThat(Runs.exits(result)).hasSize(1).allSatisfy(bar -> assertThat(bar).isLessThan(resumed));
        assertThat(Runs.entries(result)).filteredOn(bar -> bar >= resumed).hasSize(1);
        assertThat(Runs.entries(result)).allSatisfy(bar ->
                assertThat(Runs.reasonAt(result, bar)).endsWith(" above zero"));
    }
}
