package dev.flotilla.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change of a bot's strategy definition (its parameters, strategy, symbol, timeframe or capital) or of its risk
 * limits, as the store keeps it: only the names whose value changed, with their values before and after as text.
 *
 * @param id        the change's number in the store; 0 before it is stored
 * @param at        engine time of the change, epoch ms
 * @param oldValues the changed names' values before; a name missing here had none (a parameter of another strategy)
 * @param newValues the same names' values after; a name missing here has none now
 * @param source    who made it: {@link #CONSOLE}, {@link #UNDO}, {@link #FLEET_FILE} ...
 */
public record ParamChange(long id, long at, String botId, Kind kind, Map<String, String> oldValues,
                          Map<String, String> newValues, String source) {

    public static final String CONSOLE = "console";
    public static final String UNDO = "undo";
    public static final String FLEET_FILE = "fleet file";

    /** What changed: the strategy definition, or the bot's risk limits. */
    public enum Kind { STRATEGY, LIMITS }

    public ParamChange {
        oldValues = Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));
        newValues = Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
    }

    /** The change from {@code before} to {@code after}, keeping only the names whose value differs; null when none does. */
    public static ParamChange between(String botId, long at, Kind kind, Map<String, String> before,
                                      Map<String, String> after, String source) {
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> is = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            if (Objects.equals(before.get(n), after.get(n))) continue;
            if (before.get(n) != null) was.put(n, before.get(n));
            if (after.get(n) != null) is.put(n, after.get(n));
        }
        return was.isEmpty() && is.isEmpty() ? null : new ParamChange(0, at, botId, kind, was, is, source);
    }

    /** The names this change touched, in the order they were given. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(oldValues.keySet());
        names.addAll(newValues.keySet());
        return names;
    }

    /** What changed, one name a line, e.g. "fastPeriod 9 → 12" ("-" where a name has no value). */
    public List<String> lines() {
        return lines(oldValues, newValues);
    }

    /** {@link #lines()} of two maps of changed values. */
    public static List<String> lines(Map<String, String> oldValues, Map<String, String> newValues) {
        Set<String> names = new LinkedHashSet<>(oldValues.keySet());
        names.addAll(newValues.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) out.add(n + " " + oldValues.getOrDefault(n, "-") + " → " + newValues.getOrDefault(n, "-"));
        return out;
    }
}
