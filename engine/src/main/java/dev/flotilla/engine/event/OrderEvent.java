package dev.flotilla.engine.event;

import dev.flotilla.engine.model.Side;
import java.math.BigDecimal;

/** Orders as they are sent and answered. */
public sealed interface OrderEvent extends EngineEvent {

    String clientOrderId();

    record OrderSubmitted(long time, String botId, String clientOrderId, String symbol, Side side,
                          BigDecimal qty, String purpose) implements OrderEvent {
        public EventType type() { return EventType.ORDER_SUBMITTED; }
    }

    record OrderFilled(long time, String botId, String clientOrderId, String symbol, Side side,
                       BigDecimal qty, BigDecimal price, BigDecimal fee) implements OrderEvent {
        public EventType type() { return EventType.ORDER_FILLED; }
    }

    record OrderRejected(long time, String botId, String clientOrderId, String reason) implements OrderEvent {
        public EventType type() { return EventType.ORDER_REJECTED; }
    }
}
