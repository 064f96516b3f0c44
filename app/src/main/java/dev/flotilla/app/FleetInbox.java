package dev.flotilla.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The data folder's inbox, {@code DATA/inbox/}: how {@code flotilla fleet apply} hands a fleet file to the app that holds
 * the folder. A request is {@code ID.request}, a result {@code ID.result} beside it, both properties files in UTF-8, each
 * written whole under a temporary name and then moved into place, so neither side ever reads half a file.
 */
final class FleetInbox {

    static final String REQUEST = ".request";
    static final String RESULT = ".result";

    /** What a request asks: the plan only, or the plan applied. */
    static final String KIND = "kind";
    static final String PLAN = "plan";
    static final String APPLY = "apply";
    /** The fleet file's text, and the file it came from (for messages). */
    static final String FLEET = "fleet";
    static final String FILE = "file";
    /** For an apply: the fingerprint of the plan the operator saw; absent applies what the file does now. */
    static final String EXPECT = "expect";

    /** A result's status: planned, applied, refused (nothing changed) or failed; its text; the plan's fingerprint. */
    static final String STATUS = "status";
    static final String TEXT = "text";
    static final String FINGERPRINT = "fingerprint";
    /** "true" when the plan has nothing to do. */
    static final String EMPTY = "empty";

    private FleetInbox() {
    }

    static Path folder(Path dataDir) {
        return dataDir.resolve("inbox");
    }

    /** A new request's id: in the order requests are made, unique per process. */
    static String newId() {
        return System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000;
    }

    /** Writes {@code p} to {@code target} atomically: a temporary file in the same folder, then moved over it. */
    static void write(Path target, Properties p) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Waits up to {@code millis} for the result of request {@code id}, then reads and deletes it; empty if none came. */
    static Optional<Properties> awaitResult(Path dataDir, String id, long millis) throws IOException, InterruptedException {
        Path result = folder(dataDir).resolve(id + RESULT);
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!Files.exists(result)) {
            if (System.nanoTime() > deadline) return Optional.empty();
            Thread.sleep(100);
        }
        Properties p = read(result);
        Files.deleteIfExists(result);
        return Optional.of(p);
    }
}
