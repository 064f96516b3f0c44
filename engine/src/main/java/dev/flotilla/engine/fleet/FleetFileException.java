package dev.flotilla.engine.fleet;

/** A fleet file that cannot be used; the message names the field and what is allowed. */
public final class FleetFileException extends RuntimeException {
    public FleetFileException(String message) {
        super(message);
    }
}
