package dev.flotilla.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's verdict on a {@link BotDraft}: one message per field that is wrong, saying what is allowed.
 * Empty when the draft can be applied.
 */
public record BotCheck(Map<String, String> problems) {

    public static final String ID = "id";
    public static final String STRATEGY = "strategy";
    public static final String SYMBOL = "symbol";
    public static final String TIMEFRAME = "timeframe";
    public static final String CAPITAL = "capital";
    /** A rule between parameters, such as a fast period that must be below the slow one. */
    public static final String PARAMS = "params";

    public static final BotCheck OK = new BotCheck(Map.of());

    public BotCheck {
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The field key of one strategy parameter. */
    public static String param(String name) {
        return PARAMS + "." + name;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The message for a field, or null when the field is fine. */
    public String problem(String field) {
        return problems.get(field);
    }
}
