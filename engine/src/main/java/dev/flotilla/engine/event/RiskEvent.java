package dev.flotilla.engine.event;

/** Decisions of the risk hierarchy. */
public sealed interface RiskEvent extends EngineEvent {

    record RiskRejected(long time, String botId, String code, String detail) implements RiskEvent {
        public EventType type() { return EventType.RISK_REJECTED; }
    }

    record CircuitBreakerFired(long time, String botId, String breaker, String detail) implements RiskEvent {
        public EventType type() { return EventType.CIRCUIT_BREAKER_FIRED; }
    }

    /** botId null: the fleet's state changed. */
    record TradingStateChanged(long time, String botId, String from, String to, String reason) implements RiskEvent {
        public EventType type() { return EventType.TRADING_STATE_CHANGED; }
    }
}
