package dev.flotilla.engine.api;

/**
 * How the AI level reaches its local model (an Ollama server).
 *
 * @param url       the server, e.g. {@code http://localhost:11434}; blank: not configured
 * @param model     the model to ask, e.g. {@code llama3.2}
 * @param timeoutMs how long one candle close waits for all its answers together
 * @param enabled   the level as a whole; each bot is also on or off on its own
 */
public record AiSettings(String url, String model, long timeoutMs, boolean enabled) {

    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    public static final String DEFAULT_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "llama3.2";
    public static final AiSettings NONE = new AiSettings("", DEFAULT_MODEL, DEFAULT_TIMEOUT_MS, false);

    public AiSettings {
        url = url == null ? "" : url.strip();
        model = model == null ? "" : model.strip();
    }

    /** Whether there is a server and a model to ask, and the level is on. */
    public boolean configured() {
        return enabled && !url.isEmpty() && !model.isEmpty();
    }
}
