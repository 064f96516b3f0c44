package dev.flotilla.engine.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Fake {@code secret-tool} and {@code security} scripts in a folder that a test puts on the PATH. They keep the value
 * in a file of their folder, log their arguments, and exit 97 when their arguments hold {@code forbidden}.
 */
final class FakeTools {

    final Path dir;

    FakeTools(Path dir) {
        this.dir = dir;
    }

    Map<String, String> env() {
        return Map.of("PATH", dir.toString());
    }

    Path value() {
        return dir.resolve("value");
    }

    String argv() throws IOException {
        return Files.exists(dir.resolve("argv.log")) ? Files.readString(dir.resolve("argv.log")) : "";
    }

    /** A secret-tool that works, as libsecret-tools' does. */
    FakeTools secretTool(String forbidden) throws IOException {
        return script("secret-tool", forbidden, """
                case "$1" in
                  store) cat > "$D/value"; exit 0;;
                  lookup) [ -f "$D/value" ] || exit 1; cat "$D/value"; exit 0;;
                  clear) rm -f "$D/value"; exit 0;;
                esac
                echo "unknown command $1" >&2; exit 2
                """);
    }

    /** A secret-tool with no Secret Service to talk to. */
    FakeTools secretToolWithoutService() throws IOException {
        return script("secret-tool", "never-in-argv", """
                echo "secret-tool: Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2; exit 1
                """);
    }

    /** A secret-tool whose store fails and copies what it was given to its error output. */
    FakeTools secretToolEchoingInput() throws IOException {
        return script("secret-tool", "never-in-argv", """
                case "$1" in
                  store) echo "could not store:" >&2; cat >&2; exit 1;;
                  lookup) exit 1;;
                esac
                exit 0
                """);
    }

    /** macOS's security: -i reads a command line from stdin; find -w prints the password as stored (hex here). */
    FakeTools security(String forbidden) throws IOException {
        return script("security", forbidden, """
                case "$1" in
                  -i) read line; echo "$line" > "$D/command"; hex=${line##*-X }; printf '%s' "$hex" > "$D/value"; exit 0;;
                  find-generic-password) [ -f "$D/value" ] || exit 44
                    for a in "$@"; do [ "$a" = "-w" ] && cat "$D/value"; done; exit 0;;
                  delete-generic-password) [ -f "$D/value" ] || exit 44; rm "$D/value"; exit 0;;
                esac
                exit 2
                """);
    }

    private FakeTools script(String name, String forbidden, String body) throws IOException {
        String text = "#!/bin/sh\n"
                + "D='" + dir + "'\n"
                + "echo \"$@\" >> \"$D/argv.log\"\n"
                + "for a in \"$@\"; do case \"$a\" in *'" + forbidden + "'*) echo 'the secret is in my arguments' >&2; exit 97;; esac; done\n"
                + body;
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return this;
    }
}
