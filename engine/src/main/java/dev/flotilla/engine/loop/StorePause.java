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
        String message = "the bots are paused: " + cause.getMessage();
        log.error("{}; retrying every {} s", message, RETRY_MS / 1000, cause);
        problem.accept(message);
        while (!stopping.getAsBoolean()) {
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                store.write(tx -> tx.setting("store.probe", "ok"));
                log.warn("the store accepts writes again; the bots resume");
                problem.accept(null);
                return true;
            } catch (StoreUnavailableException again) {
                log.debug("store still unavailable: {}", again.getMessage());
            }
        }
        return false;
    }
}
