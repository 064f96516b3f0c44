package dev.flotilla.engine.event;

/** Things about the engine as a whole: its books against the broker's, the exchange's limits, the plug-ins. */
public sealed interface SystemEvent extends EngineEvent {

    record ReconciliationMismatch(long time, String botId, String detail) implements SystemEvent {
        public EventType type() { return EventType.RECONCILIATION_MISMATCH; }
    }

    /**
     * A plug-in jar waits for approval, was loaded, replaced an earlier version, failed or was refused.
     *
     * @param status one of {@code dev.flotilla.engine.api.PluginView.Status}'s names, or REPLACED
     */
    record PluginChanged(long time, String file, String sha256, String status, String detail) implements SystemEvent {
        public String botId() { return null; }
        public EventType type() { return EventType.PLUGIN_CHANGED; }
    }

    record RateLimitWarning(long time, String botId, String detail) implements SystemEvent {
        public EventType type() { return EventType.RATE_LIMIT_WARNING; }
    }
}
