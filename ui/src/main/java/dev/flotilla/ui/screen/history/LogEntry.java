package dev.flotilla.ui.screen.history;

/** One line of the console's event log. */
public record LogEntry(long time, String type, String botId, String text, Level level) {

    public enum Level { INFO, WARN, ERROR }
}
