package dev.flotilla.engine.api;

import dev.flotilla.engine.model.AiAnalysis;
import java.util.List;
import java.util.Map;

/**
 * The AI level: a local model asked about each entry the risk gateway approved, for the bots it is on for. It can
 * only keep an entry, make it smaller or veto it; without a reachable server it is skipped and nothing waits.
 */
public interface AiApi {

    AiSettings settings();

    /**
     * Stores new settings; the server is checked again at once, in the background.
     *
     * @throws InvalidInputException a URL that is not http(s), or a timeout outside 100 ms to 60 s
     */
    void configure(AiSettings settings);

    /** Each bot of the fleet, by id, and whether the level is on for it (off unless turned on). */
    Map<String, Boolean> bots();

    void setBot(String botId, boolean on);

    /** As last checked (every 30 s in the background); never waits. */
    AiStatus status();

    /** Checks the server now and waits for the answer (at most a few seconds): for a button, off the FX thread. */
    AiStatus checkNow();

    /** The latest analyses, newest first. */
    List<AiAnalysis> recent(int limit);

    /** An engine without the level (a fake in tests): never configured, nothing stored. */
    AiApi NONE = new AiApi() {
        public AiSettings settings() { return AiSettings.NONE; }
        public void configure(AiSettings s) { throw new UnsupportedOperationException("no AI level here"); }
        public Map<String, Boolean> bots() { return Map.of(); }
        public void setBot(String botId, boolean on) { throw new UnsupportedOperationException("no AI level here"); }
        public AiStatus status() { return AiStatus.NOT_CONFIGURED; }
        public AiStatus checkNow() { return AiStatus.NOT_CONFIGURED; }
        public List<AiAnalysis> recent(int limit) { return List.of(); }
    };
}
