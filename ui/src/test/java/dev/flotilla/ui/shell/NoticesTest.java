package dev.flotilla.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticesTest {

    long now;
    boolean fills = true;
    boolean alerts = true;
    final Notices notices = new Notices(() -> fills, () -> alerts, () -> now);

    static EngineEvent fill(String bot) {
        return new OrderEvent.OrderFilled(1, bot, bot + "-000001", "ETH/USDT", Side.SELL, new BigDecimal("2"),
                new BigDecimal("3210"), BigDecimal.ONE);
    }

    @Test
    void fillsAreToldAtMostOnceInAWhileWithTheOnesInBetweenCounted() {
        assertThat(notices.of(List.of(fill("a")))).extracting(Notices.Notice::text)
                .containsExactly("a: SELL 2 ETH/USDT @ 3,210");
        now += Notices.FILL_GAP_NANOS / 2;
        assertThat(notices.of(List.of(fill("b"), fill("c")))).isEmpty();
        now += Notices.FILL_GAP_NANOS;
        var n = notices.of(List.of(fill("d")));
        assertThat(n).hasSize(1);
        assertThat(n.getFirst().caption()).isEqualTo("3 fills");
        assertThat(n.getFirst().text()).endsWith("(and 2 more)");
    }

    @Test
    void fillsCanBeTurnedOffButAlertsStillCome() {
        fills = false;
        var n = notices.of(List.of(fill("a"), new BotEvent.BotError(1, "a", "boom"),
                new SystemEvent.ReconciliationMismatch(1, null, "cash differs")));
        assertThat(n).extracting(Notices.Notice::level).containsExactly(Notices.Level.ERROR, Notices.Level.ERROR);
        assertThat(n).extracting(Notices.Notice::text).containsExactly("a: boom", "cash differs");
        alerts = false;
        assertThat(notices.of(List.of(new BotEvent.BotError(1, "a", "boom")))).isEmpty();
    }

    @Test
    void aPlugInThatFailedToLoadIsAnAlert() {
        var n = notices.of(List.of(new SystemEvent.PluginChanged(1, "sma.jar", "ab", "LOADED", "loaded: sma-cross"),
                new SystemEvent.PluginChanged(2, "bad.jar", "cd", "FAILED", "bad.jar is not a jar")));
        assertThat(n).containsExactly(new Notices.Notice("Plug-in not loaded", "bad.jar: bad.jar is not a jar", Notices.Level.ERROR));
    }
}
