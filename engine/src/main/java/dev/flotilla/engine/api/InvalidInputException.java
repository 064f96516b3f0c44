package dev.flotilla.engine.api;



/**
 * A value the engine does not allow, refused before anything changed. The message names the field and says what is
 * allowed, so the console can show it as it is, under the field.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The name of the refused field, e.g. a limit's name. */
    public String field() {
        return field;
    }
}
