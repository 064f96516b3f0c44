package dev.flotilla.engine.event;

/** Things about the engine as a whole: its books against the broker's, the exchange's limits. */
public sealed interface SystemEvent extends EngineEvent {

    record ReconciliationMismatch(long time, String botId, String detail) implements SystemEvent {
        public EventType type() { return EventType.RECONCILIATION_MISMATCH; }
    }

    record RateLimitWarning(long time, String botId, String detail) implements SystemEvent {
        public EventType type() { return EventType.RATE_LIMIT_WARNING; }
    }
}
