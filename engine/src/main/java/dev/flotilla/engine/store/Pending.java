package dev.flotilla.engine.store;

import dev.flotilla.engine.model.BotState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upserts of a scratch store's open transaction that only their last value matters for (settings and bot states,
 * one row per key): held here and written once, before the transaction commits and before anything reads the store,
 * instead of once per instant (engine time and a bot's tick mark are written at every close). Under the writer's lock.
 */
final class Pending {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, BotState> states = new LinkedHashMap<>();

    void setting(String key, String value) {
        settings.put(key, value);
    }

    void botState(BotState s) {
        states.put(s.botId(), s);
    }

    boolean isEmpty() {
        return settings.isEmpty() && states.isEmpty();
    }

    /** Writes what is held through {@code tx} (one that writes at once) and forgets it. */
    void writeTo(Tx tx) {
        settings.forEach(tx::setting);
        states.values().forEach(tx::botState);
        clear();
    }

    void clear() {
        settings.clear();
        states.clear();
    }
}
