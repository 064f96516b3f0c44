package dev.flotilla.engine.event;

import java.math.BigDecimal;

/** Positions opened and closed. */
public sealed interface PositionEvent extends EngineEvent {

    record PositionOpened(long time, String botId, String symbol, BigDecimal qty, BigDecimal entryPrice,
                          BigDecimal stopPrice) implements PositionEvent {
        public EventType type() { return EventType.POSITION_OPENED; }
    }

    record PositionClosed(long time, String botId, String symbol, BigDecimal qty, BigDecimal exitPrice,
                          BigDecimal realizedPnl, String exitReason) implements PositionEvent {
        public EventType type() { return EventType.POSITION_CLOSED; }
    }
}
