package dev.flotilla.ui.screen.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.event.AccountEvent;
import dev.flotilla.engine.event.BotEvent;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.OrderEvent;
import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.engine.model.Side;
import dev.flotilla.ui.Snapshots;
import dev.flotilla.ui.fx.Pulse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogModelTest {

    static Pulse pulse(List<EngineEvent> events) {
        return new Pulse(Snapshots.fleet(0), events, 0, 0, 0);
    }

    @Test
    void eventsAreWrittenNewestFirstWithoutTicksAndSnapshots() {
        EventLogModel m = new EventLogModel();
        m.onPulse(pulse(List.of(
                new BotEvent.TickCompleted(1, "a", 1),
                new OrderEvent.OrderFilled(2, "a", "a-000001", "BTC/USDT", Side.BUY, new BigDecimal("0.5"),
                        new BigDecimal("43210.5"), new BigDecimal("21.6")),
                new AccountEvent.EquitySnapshot(3, null, BigDecimal.TEN),
                new BotEvent.BotError(4, "b", "IllegalStateException: boom"))));
        assertThat(m.shown()).extracting(LogEntry::type).containsExactly("BOT_ERROR", "ORDER_FILLED");
        assertThat(m.shown().get(1).text()).isEqualTo("BUY 0.5 BTC/USDT @ 43,210.5, fee 21.60 USDT");
        assertThat(m.shown().getFirst().level()).isEqualTo(LogEntry.Level.ERROR);
    }

    @Test
    void aParameterChangeSaysWhatChangedOldToNew() {
        EventLogModel m = new EventLogModel();
        m.onPulse(pulse(List.of(new BotEvent.ParamsChanged(5, "a", ParamChange.Kind.STRATEGY, Map.of("fastPeriod", "9"),
                Map.of("fastPeriod", "12"), ParamChange.UNDO))));
        assertThat(m.shown()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("PARAMS_CHANGED");
            assertThat(e.text()).isEqualTo("strategy changed by undo: fastPeriod 9 → 12");
            assertThat(e.level()).isEqualTo(LogEntry.Level.INFO);
        });
    }

    @Test
    void theLogFiltersByBotAndKeepsItsLastEntriesOnly() {
        EventLogModel m = new EventLogModel();
        List<EngineEvent> many = new ArrayList<>();
        for (int i = 0; i < EventLogModel.MAX + 10; i++) many.add(new BotEvent.BotStarted(i, i % 2 == 0 ? "a" : "b"));
        m.onPulse(pulse(many));
        assertThat(m.shown()).hasSize(EventLogModel.MAX);
        assertThat(m.shown().getFirst().time()).isEqualTo(EventLogModel.MAX + 9);
        m.botId().set("a");
        assertThat(m.shown()).hasSize(EventLogModel.MAX / 2).allMatch(e -> e.botId().equals("a"));
        m.botId().set(null);
        assertThat(m.shown()).hasSize(EventLogModel.MAX);
    }

    @Test
    void pluginChangesReadAsSentencesAFailureAtErrorAndAJarWaitingAtWarn() {
        String sha = "9f2c4e61b0a8d37e5c1f9a02b64d8e7c3a5f1b09d2e6c48a7b3f05e19c2d6a84";
        EventLogModel m = new EventLogModel();
        m.onPulse(pulse(List.of(
                new dev.flotilla.engine.event.SystemEvent.PluginChanged(1, "sma.jar", sha, "AWAITING_APPROVAL", "waits for approval"),
                new dev.flotilla.engine.event.SystemEvent.PluginChanged(2, "sma.jar", sha, "LOADED", "loaded: sma-cross"),
                new dev.flotilla.engine.event.SystemEvent.PluginChanged(3, "bad.jar", "", "FAILED",
                        "bad.jar is not a jar (zip END header not found)"))));
        assertThat(m.shown()).extracting(LogEntry::text).containsExactly(
                "plug-in bad.jar failed: bad.jar is not a jar (zip END header not found)",
                "plug-in sma.jar loaded: sma-cross",
                "plug-in sma.jar (SHA-256 9f2c4e61b0a8…) waits for approval: File > Plug-ins…");
        assertThat(m.shown()).extracting(LogEntry::level).containsExactly(LogEntry.Level.ERROR, LogEntry.Level.INFO,
                LogEntry.Level.WARN);
        assertThat(m.shown()).extracting(LogEntry::type).containsOnly("PLUGIN_CHANGED");
    }
}
