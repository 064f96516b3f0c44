package dev.flotilla.engine.event;

import java.math.BigDecimal;

/** Equity of the fleet (botId null) or of one bot. */
public sealed interface AccountEvent extends EngineEvent {

    record EquitySnapshot(long time, String botId, BigDecimal equity) implements AccountEvent {
        public EventType type() { return EventType.EQUITY_SNAPSHOT; }
    }
}
