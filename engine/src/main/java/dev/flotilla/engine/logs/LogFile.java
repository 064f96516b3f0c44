package dev.flotilla.engine.logs;

import dev.flotilla.engine.api.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rolling log file read from its end: the last lines from a window at its end, then only the bytes written since
 * the last read. A file shorter than where the last read stopped has rolled over and is read again from its start.
 * Only complete lines are read; a line still being written is read once it ends.
 */
public final class LogFile implements LogTail {

    /** How far back from the end the last lines are looked for. */
    static final int WINDOW = 256 * 1024;
    /** The most read at once; a log that grew more is read on at the next call. */
    static final int MAX_READ = 1024 * 1024;
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z?) (TRACE|DEBUG|INFO|WARN|ERROR) +\\[(.*?)\\] (\\S+) - (.*)$");

    private final Path file;

    public LogFile(Path file) {
        this.file = file;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public Chunk read(long from, int recent) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (from < 0) {
                long start = Math.max(0, size - WINDOW);
                Read r = read(ch, start, size, start > 0);
                List<Line> lines = r.lines.subList(Math.max(0, r.lines.size() - recent), r.lines.size());
                return new Chunk(lines, r.next, false);
            }
            boolean restarted = size < from;
            long at = restarted ? 0 : from;
            Read r = read(ch, at, Math.min(size, at + MAX_READ), false);
            return new Chunk(r.lines, r.next, restarted);
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), 0, from > 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the log file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private record Read(List<Line> lines, long next) {
    }

    /** The complete lines in [start, end); with {@code skipFirst} the first (cut) line is left out. */
    private static Read read(FileChannel ch, long start, long end, boolean skipFirst) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
        while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
            // read until the window is full
        }
        byte[] bytes = buf.array();
        int n = buf.position();
        int last = n - 1;
        while (last >= 0 && bytes[last] != '\n') last--;
        if (last < 0) return new Read(List.of(), start);  // no complete line yet
        int from = 0;
        if (skipFirst) {
            while (from <= last && bytes[from] != '\n') from++;
            from++;
        }
        List<Line> lines = new ArrayList<>();
        if (from <= last) {
            String text = new String(bytes, from, last - from, StandardCharsets.UTF_8);
            for (String s : text.split("\r?\n", -1)) lines.add(parse(s));
        }
        return new Read(lines, start + last + 1);
    }

    /** A line of the log's pattern, or a continuation line (a stack trace's). */
    public static Line parse(String s) {
        Matcher m = LINE.matcher(s);
        if (!m.matches()) return new Line(null, null, null, null, s);
        return new Line(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }
}
