package dev.flotilla.engine.event;

/**
 * Everything the engine tells the outside world, published after the change it describes is committed.
 * One sealed family per area, matched with exhaustive switches.
 */
public sealed interface EngineEvent permits BotEvent, OrderEvent, PositionEvent, RiskEvent, AccountEvent, SystemEvent {

    /** Engine time of the event, epoch ms. */
    long time();

    /** The bot concerned, or null for fleet-wide events. */
    String botId();

    /** The catalogue name, e.g. ORDER_FILLED. */
    EventType type();
}
