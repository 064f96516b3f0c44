package dev.flotilla.engine.execution;

/**
 * The broker could not say what became of an order (it was sent and no answer came, or the exchange cannot be asked).
 * The order stays PENDING in the store; the engine pauses the bots, asks again until the broker answers, books what
 * it says, and replays the instant. Nothing is ever sent twice for one client order id.
 */
public final class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message) {
        super(message);
    }
}
