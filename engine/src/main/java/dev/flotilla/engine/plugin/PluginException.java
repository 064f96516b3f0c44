package dev.flotilla.engine.plugin;

/** A jar that cannot serve as a plug-in, with one message saying which jar and why. */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
