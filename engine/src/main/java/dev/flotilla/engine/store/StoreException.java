package dev.flotilla.engine.store;

/** The store could not be opened or written; the message says what to do and names the file. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
