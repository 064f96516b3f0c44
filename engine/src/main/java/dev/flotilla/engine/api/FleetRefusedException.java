package dev.flotilla.engine.api;

import java.util.List;

/** A fleet file refused as a whole, before anything changed: each problem names the bot (or the field) and the rule. */
public final class FleetRefusedException extends RuntimeException {

    private final List<String> problems;

    public FleetRefusedException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<String> problems) {
        String head = "the fleet file was refused and nothing was changed: ";
        return head + String.join("; ", problems);
    }

    /** Each problem on its own. */
    public List<String> problems() {
        return problems;
    }
}
