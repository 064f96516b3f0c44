package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.api.LogTail;
import dev.flotilla.engine.logs.LogFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The log file the app writes is the one the console's log view reads, in the format it parses, its times in UTC. */
class LogFileFormatTest {

    @TempDir
    Path dir;

    @Test
    void theAppsLogReadsBackLineByLineWithLevelsUtcTimesAndStackTraces() {
        Logging.init(dir, false);
        var log = LoggerFactory.getLogger("flotilla.events");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.info("2026-01-05T00:00:00Z ORDER_FILLED atr-ada-15m BUY 10 ADA/USDT");
        log.warn("2026-01-05T00:00:00Z RISK_REJECTED atr-ada-15m KILL_SWITCH");
        log.error("a failure", new IllegalStateException("boom"));
        log.debug("not at INFO");

        List<LogTail.Line> lines = new LogFile(Logging.file(dir)).read(-1, 1000).lines();
        List<LogTail.Line> heads = lines.stream().filter(l -> !l.continuation()).toList();
        assertThat(heads).extracting(LogTail.Line::level).containsExactly("INFO", "WARN", "ERROR");
        assertThat(heads).extracting(LogTail.Line::logger).containsOnly("flotilla.events");
        assertThat(heads.getFirst().message()).isEqualTo("2026-01-05T00:00:00Z ORDER_FILLED atr-ada-15m BUY 10 ADA/USDT");
        assertThat(heads.getFirst().thread()).isEqualTo(Thread.currentThread().getName());
        Instant written = Instant.parse(heads.getFirst().time());  // ISO-8601 with its Z: UTC
        assertThat(written).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(lines.subList(lines.indexOf(heads.get(2)) + 1, lines.size())).isNotEmpty().allMatch(LogTail.Line::continuation)
                .first().extracting(LogTail.Line::message).isEqualTo("java.lang.IllegalStateException: boom");
    }
}
