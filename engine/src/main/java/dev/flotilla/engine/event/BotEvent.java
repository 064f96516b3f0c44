package dev.flotilla.engine.event;

import dev.flotilla.engine.model.ParamChange;
import dev.flotilla.strategy.Signal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bot's lifecycle and decisions. */
public sealed interface BotEvent extends EngineEvent {

    record BotStarted(long time, String botId) implements BotEvent {
        public EventType type() { return EventType.BOT_STARTED; }
    }

    record BotStopped(long time, String botId) implements BotEvent {
        public EventType type() { return EventType.BOT_STOPPED; }
    }

    record BotError(long time, String botId, String cause) implements BotEvent {
        public EventType type() { return EventType.BOT_ERROR; }
    }

    record SignalGenerated(long time, String botId, Signal signal, String reason) implements BotEvent {
        public EventType type() { return EventType.SIGNAL_GENERATED; }
    }

    /** A bot finished its tick at a candle close (the console refreshes its row). */
    record TickCompleted(long time, String botId, long candleClose) implements BotEvent {
        public EventType type() { return EventType.TICK_COMPLETED; }
    }

    /**
     * A bot's strategy definition or risk limits changed (stored in its parameter history); a running bot decides its
     * next candle close with them. The maps hold only the changed names, before and after.
     */
    record ParamsChanged(long time, String botId, ParamChange.Kind kind, Map<String, String> oldValues,
                         Map<String, String> newValues, String source) implements BotEvent {
        public ParamsChanged {
            oldValues = Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));  // in order, as the change lists them
            newValues = Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
        }

        public static ParamsChanged of(ParamChange c) {
            return new ParamsChanged(c.at(), c.botId(), c.kind(), c.oldValues(), c.newValues(), c.source());
        }

        public EventType type() { return EventType.PARAMS_CHANGED; }
    }
}
