package dev.flotilla.engine.event;

import dev.flotilla.strategy.Signal;

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
}
