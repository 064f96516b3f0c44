package dev.flotilla.engine.loop;

import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreUnavailableException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the store cannot be written (disk full, a read-only folder), the bots pause: nothing half-written was
 * kept, nothing is sent, and the engine tries a harmless write every few seconds until the store takes it.
 */
public final class StorePause {

    private static final Logger log = LoggerFactory.getLogger(StorePause.class);
    static final long RETRY_MS = 2_000;

    private StorePause() {
    }

    /** Returns true once the store accepts writes again, false when the engine is stopping meanwhile. */
    public static boolean waitForStore(Store store, StoreUnavailableException cause, BooleanSupplier stopping, Consumer<String> problem) {
        return retry(log, "the bots are paused: " + cause.getMessage(), cause, RETRY_MS, StoreUnavailableException.class,
                () -> store.write(tx -> tx.setting("store.probe", "ok")), "the store accepts writes again; the bots resume",
                stopping, problem);
    }

    /**
     * Tells the problem, then every {@code everyMs} runs {@code attempt} until it no longer throws {@code stillFailing}.
     *
     * @return true once the attempt went through, false when the engine is stopping meanwhile
     */
    static boolean retry(Logger log, String message, Exception cause, long everyMs, Class<? extends RuntimeException> stillFailing,
                         Runnable attempt, String recovered, BooleanSupplier stopping, Consumer<String> problem) {
        log.error("{}; retrying every {} s", message, everyMs / 1000, cause);
        problem.accept(message);
        while (!stopping.getAsBoolean()) {
            try {
                Thread.sleep(everyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                attempt.run();
                log.warn(recovered);
                problem.accept(null);
                return true;
            } catch (RuntimeException again) {
                if (!stillFailing.isInstance(again)) throw again;
                log.debug("still failing: {}", again.getMessage());
            }
        }
        return false;
    }
}
