package dev.flotilla.engine.risk;

/** A limit value that is not allowed. The message names the limit and its allowed range. */
public final class InvalidLimitException extends IllegalArgumentException {

    private final String limit;

    public InvalidLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The name of the refused limit. */
    public String limit() {
        return limit;
    }
}
