package dev.flotilla.engine.api;

import java.util.List;

/**
 * The log file as it grows, for the console's log view: its last lines first, then what was written after them, read
 * from where the last read stopped rather than from the start each time.
 */
public interface LogTail {

    /** Where the log is (a path), for the view to name it. */
    String source();

    /**
     * Reads complete lines.
     *
     * @param from   a {@link Chunk#next()} an earlier read returned, or -1 for the last lines of the file
     * @param recent with {@code from} -1, how many of the last lines at most
     */
    Chunk read(long from, int recent);

    /**
     * @param next      where the next read goes on from
     * @param restarted the file was new since {@code from} (it rolled over): the lines are the new file's first
     */
    record Chunk(List<Line> lines, long next, boolean restarted) {
        public Chunk {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of the log, as {@code flotilla/logback.xml} writes it: {@code time level [thread] logger - message}.
     * A line that is not one (a stack trace's) has a null level and all its text in {@code message}.
     *
     * @param time UTC ISO-8601 as the log writes it
     */
    record Line(String time, String level, String thread, String logger, String message) {

        public boolean continuation() {
            return level == null;
        }
    }

    /** No log file (a console without one): every read is empty. */
    LogTail NONE = new LogTail() {
        @Override
        public String source() {
            return "no log file";
        }

        @Override
        public Chunk read(long from, int recent) {
            return new Chunk(List.of(), Math.max(from, 0), false);
        }
    };
}
