package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window that cannot open says in one line what is missing and that --headless works; no stack trace on the console. */
class WindowFailureTest {

    @TempDir
    Path dir;

    /** What ConsoleApp.show throws when the toolkit failed to start: the message of JavaFX's own exception. */
    private static IllegalStateException fromConsole(Throwable javafx) {
        return new IllegalStateException(String.valueOf(javafx.getMessage()), javafx);
    }

    @Test
    void glassWithoutGtkNamesTheMissingLibrariesAndHeadless() {
        String line = WindowFailure.message(fromConsole(new UnsupportedOperationException("Unable to load glass GTK library.")));
        assertThat(line).contains("GTK 3", "X libraries", "apt install libgtk-3-0 libxtst6 libxxf86vm1 libgl1", "--headless")
                .doesNotContain("\n", "Exception");
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsTheSameMessage() {
        var e = new UnsatisfiedLinkError("/root/.openjfx/cache/26.0.2/amd64/libprism_es2.so: libGL.so.1: cannot open shared "
                + "object file: No such file or directory");
        assertThat(WindowFailure.message(fromConsole(e))).contains("GTK 3", "libgl1", "--headless");
    }

    @Test
    void noDisplaySaysSo() {
        String line = WindowFailure.message(fromConsole(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertThat(line).contains("no display", "DISPLAY", "--headless").doesNotContain("GTK");
    }

    @Test
    void anythingElseKeepsJavaFxsWords() {
        assertThat(WindowFailure.message(fromConsole(new RuntimeException("no toolkit"))))
                .isEqualTo("the window cannot open here (no toolkit); run with --headless");
        assertThat(WindowFailure.message(new IllegalStateException("null", new NoClassDefFoundError()))).contains("--headless");
    }

    @Test
    void theAppWithoutADisplayExitsWithOneLineAndTheTraceOnlyInTheLog() throws Exception {
        Run r = window(dir.resolve("no-display"), List.of());
        assertThat(r.status).as(r.out).isEqualTo(Main.FAILED);
        assertThat(r.out.lines().filter(l -> l.startsWith("flotilla: "))).as(r.out)
                .containsExactly("flotilla: " + WindowFailure.message(fromConsole(new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertThat(r.out).as(r.out).doesNotContain("\tat ", "Exception");
        assertThat(r.log()).contains("the window cannot open", "Unable to open DISPLAY", "\tat ");
    }

    /** The GTK path for real: an X server (Xvfb) and a libgtk-3.so.0 that does not load, ahead of the system's. */
    @Test
    void theAppWhereGtkDoesNotLoadExitsWithOneLine() throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed");
        Path fake = Files.createDirectories(dir.resolve("no-gtk"));
        Files.writeString(fake.resolve("libgtk-3.so.0"), "not a library");
        Files.writeString(fake.resolve("libgtk-x11-2.0.so.0"), "not a library");
        Run r = window(dir.resolve("gtk"), List.of("LD_LIBRARY_PATH=" + fake, "xvfb-run", "-a"));
        assertThat(r.status).as(r.out).isEqualTo(Main.FAILED);
        assertThat(r.out.lines().filter(l -> l.startsWith("flotilla: "))).as(r.out).singleElement()
                .satisfies(l -> assertThat(l).contains("GTK 3", "libgtk-3-0", "--headless"));
        assertThat(r.out).as(r.out).doesNotContain("\tat ", "Exception");
        assertThat(r.log()).contains("Unable to load glass GTK library");
    }

    private record Run(int status, String out, Path data) {
        String log() throws Exception {
            return Files.readString(data.resolve("logs").resolve("flotilla.log"));
        }
    }

    /** The app with its window (no --headless), in a JVM of its own with no DISPLAY, behind {@code prefix}. */
    private static Run window(Path data, List<String> prefix) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of("env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY"));
        cmd.addAll(prefix);
        cmd.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", data.toString(), "--duration", "1h"));
        Path out = Files.createTempFile(data.getParent(), "window", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), data);
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }
}
