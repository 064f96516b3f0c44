package dev.flotilla.app;

/** A bad command line or input file: one line to the user, exit status 2, nothing changed. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
