package dev.flotilla.engine.store;

/**
 * The store could not be written for a reason outside the program (disk full, read-only folder, I/O error,
 * another process holding the lock): worth waiting for, unlike a bug.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
