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
        String message = "the bots are paused: " + cause.getMessage();
        log.error("{}; asking again every {} s", message, RETRY_MS / 1000);
        problem.accept(message);
        while (!stopping.getAsBoolean()) {
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                settle.run();
                log.warn("the broker answered; what was pending is booked and the bots resume");
                problem.accept(null);
                return true;
            } catch (BrokerUnavailableException again) {
                log.debug("broker still unavailable: {}", again.getMessage());
            }
        }
        return false;
    }
}
