package dev.flotilla.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bot as an operator types it into a dialog: raw text, checked by the engine field by field (see
 * {@link BotCommands#check}), so the console never has rules of its own.
 *
 * @param params parameter name to text; a blank or missing value means the parameter's default
 * @param capital paper capital in USDT, as typed
 */
public record BotDraft(String id, String strategy, String symbol, String timeframe, Map<String, String> params,
                       String capital) {

    public BotDraft {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
