package dev.flotilla.engine.secrets;

import dev.flotilla.engine.secrets.KeyVault.KeyVaultException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operating system's keychain tools. A secret goes to a tool on its standard input, never among its
 * arguments (every user of the machine can read a process's arguments), and the tools are looked up on the PATH
 * this class is given, so tests can put a fake tool first.
 */
final class Commands {

    /** A keychain may ask its user to unlock it: that is waited for, up to this long. */
    static final long TIMEOUT_SECONDS = 60;

    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final String path;

    /** @param env the environment whose PATH is searched (the process's own, or a test's) */
    Commands(Map<String, String> env) {
        this.path = env.getOrDefault("PATH", "");
    }

    /** The tool's executable on the PATH, if there is one. */
    Optional<Path> find(String tool) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            for (String name : List.of(tool, tool + ".exe")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code tool args...}, writes {@code stdin} (may be null) to it and closes its input.
     *
     * @throws KeyVaultException when it cannot start or does not finish in time (the message holds no input)
     */
    Result run(Path tool, List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(args);
        String name = tool.getFileName().toString();
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new KeyVaultException(name + " could not be started (" + e.getClass().getSimpleName() + ")");
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the tool ended before reading its input: its exit code and error output say why
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new KeyVaultException(name + " did not answer within " + TIMEOUT_SECONDS
                        + " s (is the keychain waiting to be unlocked?)");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KeyVaultException(name + " was interrupted");
        }
    }

    private static CompletableFuture<String> drain(InputStream s) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().name("keychain-tool-output").start(() -> {
            try (s) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                s.transferTo(b);
                f.complete(b.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        });
        return f;
    }

    /** What a failed run tells the user: the tool, its exit code and its first error lines, without {@code secrets}. */
    static String failure(String tool, Result r, String... secrets) {
        String err = Redact.of(r.err(), secrets);
        return tool + " failed (exit " + r.exit() + (err.isEmpty() ? ")" : "): " + err);
    }
}
