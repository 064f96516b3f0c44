package dev.flotilla.app;

import dev.flotilla.engine.api.FleetImport;
import dev.flotilla.engine.api.FleetPlan;
import dev.flotilla.engine.api.FleetRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running app's side of the {@link FleetInbox}: a thread that looks into the inbox a few times a second, hands each
 * request to the engine (whose thread plans and applies it, see {@link FleetImport}) and writes its result beside it.
 * Requests left while no app ran are taken at the next start.
 */
final class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    static final long POLL_MS = 200;

    private final Path inbox;
    private final FleetImport fleet;
    private volatile boolean stopping;
    private Thread thread;

    InboxWatcher(Path dataDir, FleetImport fleet) {
        this.inbox = FleetInbox.folder(dataDir);
        this.fleet = fleet;
    }

    void start() {
        thread = Thread.ofPlatform().name("fleet-inbox").daemon().start(() -> {
            while (!stopping) {
                try {
                    pollOnce();
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.error("the fleet inbox {} cannot be read", inbox, e);
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
    }

    /** Stops after the request in hand, if any. */
    void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) thread.join();
    }

    /** Carries out every request in the inbox, oldest first. */
    void pollOnce() throws IOException, InterruptedException {
        if (!Files.isDirectory(inbox)) return;
        List<Path> requests;
        try (Stream<Path> s = Files.list(inbox)) {
            requests = s.filter(p -> p.getFileName().toString().endsWith(FleetInbox.REQUEST)).sorted().toList();
        }
        for (Path r : requests) {
            if (stopping) return;
            String name = r.getFileName().toString();
            String id = name.substring(0, name.length() - FleetInbox.REQUEST.length());
            Properties request;
            try {
                request = FleetInbox.read(r);
            } catch (IOException | IllegalArgumentException e) {
                request = new Properties();  // answered as a request of no kind: failed, with the reason
                request.setProperty(FleetInbox.KIND, "unreadable (" + e.getMessage() + ")");
            }
            Properties result = handle(request);
            FleetInbox.write(inbox.resolve(id + FleetInbox.RESULT), result);
            Files.deleteIfExists(r);
        }
    }

    private Properties handle(Properties request) throws InterruptedException {
        Properties result = new Properties();
        String kind = request.getProperty(FleetInbox.KIND, "");
        String json = request.getProperty(FleetInbox.FLEET, "");
        String file = request.getProperty(FleetInbox.FILE, "a fleet file");
        try {
            CompletableFuture<FleetPlan> work = switch (kind) {
                case FleetInbox.PLAN -> fleet.plan(json);
                case FleetInbox.APPLY -> fleet.apply(json, request.getProperty(FleetInbox.EXPECT));
                default -> throw new IllegalArgumentException("the request asks for '" + kind + "', not plan or apply");
            };
            FleetPlan plan = work.get();
            result.setProperty(FleetInbox.STATUS, kind.equals(FleetInbox.PLAN) ? "planned" : "applied");
            result.setProperty(FleetInbox.TEXT, String.join("\n", plan.lines()));
            result.setProperty(FleetInbox.FINGERPRINT, plan.fingerprint());
            result.setProperty(FleetInbox.EMPTY, Boolean.toString(plan.empty()));
            if (kind.equals(FleetInbox.APPLY)) log.info("fleet file {} applied from the command line: {}", file, plan.counts());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean refused = cause instanceof FleetRefusedException;
            result.setProperty(FleetInbox.STATUS, refused ? "refused" : "failed");
            result.setProperty(FleetInbox.TEXT, String.valueOf(cause.getMessage()));
            if (refused) log.info("fleet file {} refused: {}", file, cause.getMessage());
            else log.error("fleet file {} could not be applied", file, cause);
        } catch (IllegalArgumentException e) {
            result.setProperty(FleetInbox.STATUS, "failed");
            result.setProperty(FleetInbox.TEXT, e.getMessage());
        }
        return result;
    }
}
