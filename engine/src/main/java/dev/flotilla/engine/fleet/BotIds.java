package dev.flotilla.engine.fleet;

/** Bot ids become part of client order ids, which exchanges limit to 36 characters of a small alphabet. */
public final class BotIds {
    private BotIds() {
    }

    /** Null when the id is allowed, else why not. */
    public static String problem(String id) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,23}")) {
            return "bot id must be 1 to 24 characters of a-z, 0-9 and '-', starting with a letter or digit, got '" + id + "'";
        }
        return null;
    }
}
