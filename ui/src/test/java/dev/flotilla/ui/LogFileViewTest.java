package dev.flotilla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.logs.LogFile;
import dev.flotilla.ui.screen.history.HistoryView;
import dev.flotilla.ui.screen.logs.LogFileModel;
import dev.flotilla.ui.shell.MainWindow;
import dev.flotilla.ui.shell.Shortcut;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.IntStream;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file's tab beside the event log, on a real log file that grows while the console shows it. */
class LogFileViewTest {

    @TempDir
    Path dir;

    private static String line(int i, String level, String text) {
        return String.format("2026-01-05T%02d:%02d:00.000Z %-5s [engine] flotilla.events - %s%n", i / 60 % 24, i % 60, level, text);
    }

    private static void append(Path f, String text) throws Exception {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void theRecentLinesFilteredByLevelAndBotFollowingTheFile() throws Exception {
        Path log = dir.resolve("logs").resolve("flotilla.log");
        Files.createDirectories(log.getParent());
        StringBuilder old = new StringBuilder();
        // more lines than the view starts with: it reads the file's end, not all of it
        IntStream.range(0, 2000).forEach(i -> old.append(line(i, "DEBUG", "2026-01-05T00:00:00Z TICK_COMPLETED atr-ada-15m close=" + i)));
        IntStream.range(0, 40).forEach(i -> old.append(line(i, i % 8 == 0 ? "WARN" : "INFO", "2026-01-05T00:00:00Z ORDER_FILLED "
                + (i % 2 == 0 ? "atr-ada-15m" : "boll-btc-1h") + " fill " + i)));
        append(log, old.toString());
        try (OpenConsole open = OpenConsole.open(dir, 60, 1600, 1000)) {
            MainWindow w = open.window;
            Fx.run(() -> open.console.logs(new LogFile(log)));
            MenuItem item = Fx.on(() -> ((MenuBar) ((VBox) ((BorderPane) w.scene().getRoot()).getTop()).getChildren().getFirst())
                    .getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "Log file".equals(i.getText()))
                    .findFirst().orElseThrow());
            assertThat(Fx.on(item::getAccelerator)).isEqualTo(Shortcut.LOG_FILE.keys());
            Fx.run(item::fire);
            assertThat(Fx.on(() -> w.history().tabs().getSelectionModel().getSelectedItem().getText())).isEqualTo("Log file");
            LogFileModel m = Fx.on(() -> w.logFile().model());
            Fx.await("the last lines are shown", () -> m.entries().size() == LogFileModel.RECENT);
            assertThat(Fx.on(() -> m.entries().getFirst().message())).endsWith("boll-btc-1h fill 39");
            assertThat(Fx.on(() -> m.entries().getLast().message())).as("newest first, the oldest of the last lines last")
                    .endsWith("close=" + (2000 - (LogFileModel.RECENT - 40)));

            Fx.run(() -> w.logFile().view().levelFilter().setValue(LogFileModel.Level.WARN));
            assertThat(Fx.on(() -> m.shown().stream().map(LogFileModel.Entry::level).distinct().toList())).containsExactly("WARN");
            assertThat(Fx.on(() -> m.shown().size())).isEqualTo(5);
            Fx.run(() -> w.logFile().view().levelFilter().setValue(LogFileModel.Level.INFO));
            Fx.run(() -> w.history().botFilter().setValue("boll-btc-1h"));
            assertThat(Fx.on(() -> m.shown().size())).isEqualTo(20);
            assertThat(Fx.on(() -> m.shown().stream().allMatch(e -> e.message().contains("boll-btc-1h")))).isTrue();

            // the file grows: the new lines come in, an error with its stack trace as one entry
            append(log, line(100, "ERROR", "2026-01-05T01:40:00Z BOT_ERROR boll-btc-1h indicator failed")
                    + "java.lang.IllegalStateException: no candles" + System.lineSeparator()
                    + "\tat dev.flotilla.engine.loop.TickProcessor.tick(TickProcessor.java:80)" + System.lineSeparator()
                    + line(101, "INFO", "2026-01-05T01:41:00Z ORDER_FILLED atr-ada-15m fill 41"));
            Fx.await("the new lines are read", () -> m.entries().size() == LogFileModel.RECENT + 2);
            assertThat(Fx.on(() -> m.shown().getFirst().message())).endsWith("BOT_ERROR boll-btc-1h indicator failed");
            assertThat(Fx.on(() -> m.shown().getFirst().more())).containsExactly("java.lang.IllegalStateException: no candles",
                    "\tat dev.flotilla.engine.loop.TickProcessor.tick(TickProcessor.java:80)");
            Fx.run(() -> w.history().botFilter().setValue(HistoryView.ALL));
            assertThat(Fx.on(() -> m.shown().getFirst().message())).endsWith("atr-ada-15m fill 41");
            Fx.settle(w);
            Fx.on(() -> Screenshots.save(w.scene(), "dashboard-log-file"));
        }
    }
}
