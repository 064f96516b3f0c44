package dev.flotilla.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.strategy.PricePath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DonchianBreakoutTypeTest {

    @Test
    void buysACloseAboveThePriorHighAndSellsACloseBelowThePriorLow() {
        var path = PricePath.startAt(100).hold(29);     // bars 0..29, every high and low 100
        int breakout = path.next();
        path.then(101).ramp(5, 1);                       // bar 30 beats the 20-bar high of 100
        path.then(101);                                  // still above the 10-bar low of 100
        int breakdown = path.next();
        path.then(99.5).hold(3);                         // below the 10-bar low of 100

        var result = Runs.replay("donchian-breakout", Map.of(), path);

        assertThat(Runs.entries(result)).containsExactly(breakout);
        assertThat(Runs.exits(result)).containsExactly(breakdown);
        assertThat(Runs.reasonAt(result, breakout)).isEqualTo("close 101 broke above the 20-bar high 100");
        assertThat(Runs.reasonAt(result, breakdown)).isEqualTo("close 99.5 broke below the 10-bar low 100");
    }

    @Test
    void usesTheGivenLookbacks() {
        var path = PricePath.startAt(100).then(103).hold(10).then(100).hold(3);
        int breakout = path.next();
        path.then(101);                                  // above the last 3 bars, not above the 103s before

        var shortLookback = Runs.replay("donchian-breakout", Map.of("entryPeriod", 3.0, "exitPeriod", 3.0), path);
        var longLookback = Runs.replay("donchian-breakout", Map.of("entryPeriod", 12.0), path);

        assertThat(Runs.entries(shortLookback)).contains(breakout);
        assertThat(Runs.entries(longLookback)).isEmpty();
    }
}
