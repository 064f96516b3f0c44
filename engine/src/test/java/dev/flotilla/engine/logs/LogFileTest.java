package dev.flotilla.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.LogTail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file read from its end and followed as it grows, on a real file. */
class LogFileTest {

    @TempDir
    Path dir;

    static String line(int i, String level, String message) {
        return String.format("2026-01-05T00:%02d:%02d.000Z %-5s [engine] flotilla.events - %s%n", i / 60 % 60, i % 60, level, message);
    }

    private void append(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void theLastLinesThenOnlyWhatWasWrittenSince() throws Exception {
        Path f = dir.resolve("flotilla.log");
        StringBuilder many = new StringBuilder();
        IntStream.range(0, 5000).forEach(i -> many.append(line(i, i % 10 == 0 ? "WARN" : "INFO", "event " + i + " bot-" + (i % 7))));
        append(f, many.toString());
        LogFile log = new LogFile(f);

        LogTail.Chunk first = log.read(-1, 3);
        assertThat(first.lines()).extracting(LogTail.Line::message).containsExactly("event 4997 bot-6", "event 4998 bot-0", "event 4999 bot-1");
        assertThat(first.lines().getFirst().level()).isEqualTo("INFO");
        assertThat(first.lines().getFirst().time()).isEqualTo("2026-01-05T00:23:17.000Z");
        assertThat(first.lines().getFirst().logger()).isEqualTo("flotilla.events");
        assertThat(first.next()).isEqualTo(Files.size(f));

        // a line still being written is read once it ends
        append(f, line(5000, "ERROR", "a failure").trim());
        LogTail.Chunk partial = log.read(first.next(), 3);
        assertThat(partial.lines()).isEmpty();
        assertThat(partial.next()).isEqualTo(first.next());
        append(f, System.lineSeparator() + "java.lang.IllegalStateException: boom" + System.lineSeparator()
                + "\tat dev.flotilla.X.y(X.java:1)" + System.lineSeparator());
        LogTail.Chunk grown = log.read(partial.next(), 3);
        assertThat(grown.restarted()).isFalse();
        assertThat(grown.lines()).hasSize(3);
        assertThat(grown.lines().get(0).level()).isEqualTo("ERROR");
        assertThat(grown.lines().get(0).message()).isEqualTo("a failure");
        assertThat(grown.lines().subList(1, 3)).allMatch(LogTail.Line::continuation)
                .extracting(LogTail.Line::message).containsExactly("java.lang.IllegalStateException: boom", "\tat dev.flotilla.X.y(X.java:1)");
        assertThat(log.read(grown.next(), 3).lines()).isEmpty();
    }

    @Test
    void aRolledOverFileIsReadFromItsStart() throws Exception {
        Path f = dir.resolve("flotilla.log");
        append(f, line(1, "INFO", "old one") + line(2, "INFO", "old two"));
        LogFile log = new LogFile(f);
        long next = log.read(-1, 100).next();
        Files.delete(f);  // logback renames the full file away and starts a new one
        assertThat(log.read(next, 100).lines()).isEmpty();
        append(f, line(3, "WARN", "new"));
        LogTail.Chunk after = log.read(next, 100);
        assertThat(after.restarted()).isTrue();
        assertThat(after.lines()).extracting(LogTail.Line::message).containsExactly("new");
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        LogTail.Chunk c = new LogFile(dir.resolve("none.log")).read(-1, 10);
        assertThat(c.lines()).isEmpty();
        assertThat(c.next()).isZero();
        assertThat(List.of(LogFile.parse("plain text"))).allMatch(LogTail.Line::continuation);
    }
}
