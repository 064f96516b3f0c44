package dev.flotilla.engine.loop;

import dev.flotilla.engine.execution.BrokerUnavailableException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the broker could not say what became of an order, the bots pause: the order is PENDING in the store, nothing
 * else is sent, and every few seconds the engine asks the broker to settle what is pending; once it has answered,
 * the instant is replayed.
 */
final class BrokerPause {

    private static final Logger log = LoggerFactory.getLogger(BrokerPause.class);
    static final long RETRY_MS = 5_000;

    private BrokerPause() {
    }

    /** Returns true once {@code settle} ran without the broker failing, false when the engine is stopping meanwhile. */
    static boolean waitForBroker(BrokerUnavailableException cause, Runnable settle, BooleanSupplier stopping,
                                 Consumer<String> problem) {
        return StorePause.retry(log, "the bots are paused: " + cause.getMessage(), null, RETRY_MS,
                BrokerUnavailableException.class, settle, "the broker answered; what was pending is booked and the bots resume",
                stopping, problem);
    }
}
