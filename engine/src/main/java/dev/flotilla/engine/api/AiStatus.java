package dev.flotilla.engine.api;

/** Whether the AI level can ask its model now. Only AVAILABLE asks; the others skip the level without waiting. */
public enum AiStatus {
    AVAILABLE("available"), UNAVAILABLE("unavailable: the server does not answer"), NOT_CONFIGURED("not configured");

    private final String label;

    AiStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
