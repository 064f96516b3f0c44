package dev.flotilla.ui.screen.logs;

import dev.flotilla.engine.api.LogTail;
import dev.flotilla.ui.fx.Loader;
import dev.flotilla.ui.fx.Reload;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The log file's recent lines, newest first, as the engine's {@link LogTail} reads them: its last {@link #RECENT} lines
 * at first, then what is written after them, read off the FX thread about once a second. A stack trace stays with the
 * line it belongs to. Filtered by the lowest level shown and by a bot (the lines that name it). Kept to the last {@link #MAX}.
 */
public final class LogFileModel {

    public static final int RECENT = 500;
    public static final int MAX = 3_000;
    /** Pulses between two reads of the file (ten pulses a second). */
    static final int EVERY = 10;

    /** The lowest level a filter shows. */
    public enum Level {
        ALL("All levels"), INFO("INFO and above"), WARN("WARN and above"), ERROR("ERROR only");

        private final String text;

        Level(String text) {
            this.text = text;
        }

        boolean shows(String level) {
            return rank(level) >= ordinal();
        }

        private static int rank(String level) {
            return switch (level) {
                case "ERROR" -> 3;
                case "WARN" -> 2;
                case "INFO" -> 1;
                default -> 0;
            };
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One entry of the log: a line and the lines that continue it (a stack trace).
     *
     * @param more the continuation lines, empty for most
     */
    public record Entry(String time, String level, String thread, String logger, String message, List<String> more) {

        /** The whole entry, stack trace included. */
        public String text() {
            return more.isEmpty() ? message : message + "\n" + String.join("\n", more);
        }

        Entry with(String line) {
            List<String> lines = new ArrayList<>(more);
            lines.add(line);
            return new Entry(time, level, thread, logger, message, List.copyOf(lines));
        }
    }

    private final LogTail tail;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> shown = new FilteredList<>(entries);
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.ALL);
    private final ObjectProperty<String> botId = new SimpleObjectProperty<>();
    private final Reload<LogTail.Chunk> reload;
    private long next = -1;
    private int pulses;

    public LogFileModel(LogTail tail, Loader loader) {
        this.tail = tail;
        this.reload = new Reload<>(loader, () -> {
            long from = next;
            return () -> tail.read(from, RECENT);
        }, this::add);
        level.addListener((o, a, b) -> filter());
        botId.addListener((o, a, b) -> filter());
    }

    public String source() {
        return tail.source();
    }

    /** Every entry kept, newest first. */
    public ObservableList<Entry> entries() {
        return entries;
    }

    /** The entries the filters let through, newest first. */
    public FilteredList<Entry> shown() {
        return shown;
    }

    public ObjectProperty<Level> level() {
        return level;
    }

    /** The bot whose lines are shown, or null for all lines. */
    public ObjectProperty<String> botId() {
        return botId;
    }

    /** Reads what the file has that is not shown yet. FX thread. */
    public void read() {
        reload.request();
    }

    /** FX thread: reads the file about once a second. */
    public void onPulse() {
        if (++pulses % EVERY == 0) read();
    }

    private void add(LogTail.Chunk chunk) {
        next = chunk.next();
        if (chunk.lines().isEmpty()) return;
        List<Entry> fresh = new ArrayList<>();  // oldest first, as the file has them
        for (LogTail.Line l : chunk.lines()) {
            if (!l.continuation()) {
                fresh.add(new Entry(l.time(), l.level(), l.thread(), l.logger(), l.message(), List.of()));
            } else if (!fresh.isEmpty()) {
                fresh.set(fresh.size() - 1, fresh.getLast().with(l.message()));
            } else if (!entries.isEmpty() && !chunk.restarted()) {
                entries.set(0, entries.getFirst().with(l.message()));
            }
        }
        if (fresh.size() > MAX) fresh = fresh.subList(fresh.size() - MAX, fresh.size());
        entries.addAll(0, fresh.reversed());
        if (entries.size() > MAX) entries.remove(MAX, entries.size());
    }

    private void filter() {
        Level min = level.get();
        String bot = botId.get();
        Pattern named = bot == null ? null : Pattern.compile("(?<![\\w-])" + Pattern.quote(bot) + "(?![\\w-])");
        shown.setPredicate(min == Level.ALL && named == null ? null
                : e -> min.shows(e.level()) && (named == null || named.matcher(e.text()).find()));
    }
}
