package dev.flotilla.engine.command;

import dev.flotilla.engine.api.PluginApi;
import dev.flotilla.engine.api.PluginView;
import dev.flotilla.engine.api.PluginView.Status;
import dev.flotilla.engine.event.EngineEvent;
import dev.flotilla.engine.event.SystemEvent;
import dev.flotilla.engine.fleet.Fleet;
import dev.flotilla.engine.loop.EngineCalls;
import dev.flotilla.engine.plugin.PluginException;
import dev.flotilla.engine.plugin.PluginFolder;
import dev.flotilla.engine.plugin.PluginJar;
import dev.flotilla.engine.plugin.PluginLoader;
import dev.flotilla.engine.store.PluginTrustStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plug-in folder while the engine runs. Jars are read and loaded on the watcher's thread; a loaded version is
 * installed on the engine thread between two instants, so the next close of each bot using it is the first the new
 * code decides ({@link StrategySwap}); the version it replaced is closed. A jar that is not a plug-in, or whose
 * strategy names are taken, changes nothing that runs.
 */
public final class PluginControl implements PluginApi {

    private static final Logger log = LoggerFactory.getLogger(PluginControl.class);

    private final EngineCalls engine;
    private final StrategyRegistry registry;
    private final PluginTrustStore trust;
    private final StrategySwap swap;
    private final Map<String, PluginView> views = new ConcurrentHashMap<>();
    /** The version of each jar now installed, by file name; engine thread (or before the engine starts). */
    private final Map<String, PluginJar> installed = new ConcurrentHashMap<>();
    private volatile PluginFolder folder;
    private ScheduledExecutorService watcher;

    public PluginControl(EngineCalls engine, Store store, Fleet fleet, StrategyRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.trust = new PluginTrustStore(store);
        this.swap = new StrategySwap(store, fleet, registry, engine);
    }

    /**
     * Opens the plug-in folder before the fleet is loaded: every approved jar is installed at once, so its bots start
     * with their strategy; the others wait for approval, and their bots in ERROR.
     */
    public void open(Path dir) {
        PluginFolder f = new PluginFolder(dir, trust::approved);
        f.prepare();
        folder = f;
        for (PluginFolder.Change c : f.changes()) {
            List<EngineEvent> events = new ArrayList<>();
            PluginJar jar = consider(c, events);
            if (jar != null) install(jar, events, false);  // its events are logged; nobody listens yet
        }
    }

    /** Looks at the folder every {@code period} from now on, on a thread of its own. */
    public void watch(java.time.Duration period) {
        if (folder == null) throw new IllegalStateException("no plug-in folder is open");
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plugin-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                rescan().join();
            } catch (RuntimeException e) {
                log.error("looking at the plug-in folder failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stopWatching() {
        if (watcher != null) watcher.shutdownNow();
    }

    /** Looks at the folder now; completes once what changed is installed (or refused) on the engine thread. */
    public synchronized CompletableFuture<Void> rescan() {
        PluginFolder f = folder;
        if (f == null) return CompletableFuture.completedFuture(null);
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (PluginFolder.Change c : f.changes()) {
            List<EngineEvent> events = new ArrayList<>();
            PluginJar jar = consider(c, events);
            if (jar == null && events.isEmpty()) continue;  // touched, the same bytes
            done.add(engine.call(() -> {
                if (jar != null) install(jar, events, true);
                engine.publish(events);
                engine.refresh();
                return null;
            }));
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** A changed jar read and, when approved, loaded (off the engine thread); null when there is nothing to install. */
    private PluginJar consider(PluginFolder.Change c, List<EngineEvent> events) {
        if (c.problem() != null) {
            fail(c.name(), "", c.problem().getMessage(), events);
            return null;
        }
        PluginLoader.Candidate jar = c.candidate();
        PluginJar now = installed.get(jar.name());
        if (now != null && now.sha256().equals(jar.sha256())) return null;  // touched, not changed
        if (!folder.approved(jar)) {
            views.put(jar.name(), new PluginView(jar.name(), jar.sha256(), Status.AWAITING_APPROVAL, List.of(),
                    "waits for approval of its SHA-256"));
            log.warn("plug-in {} (SHA-256 {}) waits for approval: approve it in the console, or put its SHA-256 in {}.sha256"
                    + " beside it", jar.name(), jar.sha256(), jar.name());
            events.add(new SystemEvent.PluginChanged(engine.now(), jar.name(), jar.sha256(), Status.AWAITING_APPROVAL.name(),
                    "waits for approval"));
            return null;
        }
        try {
            return PluginLoader.load(jar, folder.staging());
        } catch (PluginException e) {
            fail(jar.name(), jar.sha256(), e.getMessage(), events);
            return null;
        }
    }

    private void fail(String name, String sha, String why, List<EngineEvent> events) {
        PluginJar running = installed.get(name);
        String detail = running == null ? why : why + "; version " + running.sha256().substring(0, 12) + " keeps running";
        views.put(name, new PluginView(name, sha, Status.FAILED, running == null ? List.of() : running.strategyIds(), detail));
        log.error("plug-in {}: {}", name, detail);
        events.add(new SystemEvent.PluginChanged(engine.now(), name, sha, Status.FAILED.name(), detail));
    }

    /** Installs a loaded version; with {@code running}, the bots using its strategies are rebuilt on it. */
    private void install(PluginJar jar, List<EngineEvent> events, boolean running) {
        try {
            jar.installIn(registry);
        } catch (PluginException e) {
            fail(jar.name(), jar.sha256(), e.getMessage(), events);
            return;
        }
        PluginJar old = installed.put(jar.name(), jar);
        java.util.Set<String> ids = new java.util.TreeSet<>(jar.strategyIds());
        if (old != null) ids.addAll(old.strategyIds());
        if (running) swap.rebuild(ids, events);
        if (old != null) old.close();
        String what = old == null ? "loaded" : "replaced version " + old.sha256().substring(0, 12);
        views.put(jar.name(), new PluginView(jar.name(), jar.sha256(), Status.LOADED, jar.strategyIds(), what));
        log.info("plug-in {} {}: strategies {}, SHA-256 {}", jar.name(), what, jar.strategyIds(), jar.sha256());
        events.add(new SystemEvent.PluginChanged(engine.now(), jar.name(), jar.sha256(),
                old == null ? Status.LOADED.name() : "REPLACED", what + ": " + String.join(", ", jar.strategyIds())));
    }

    @Override
    public String folder() {
        PluginFolder f = folder;
        return f == null ? "" : f.dir().toString();
    }

    @Override
    public List<PluginView> plugins() {
        return views.values().stream().sorted(java.util.Comparator.comparing(PluginView::file)).toList();
    }

    @Override
    public CompletableFuture<PluginView> approve(String file, String sha256) {
        // read and loaded off the caller's thread (the console's): only the install waits for the engine thread
        return CompletableFuture.supplyAsync(() -> load(file, sha256)).thenCompose(loaded -> engine.call(() -> {
            List<EngineEvent> events = new ArrayList<>();
            install(loaded, events, true);
            engine.publish(events);
            engine.refresh();
            PluginView v = views.get(file);
            if (v.status() != Status.LOADED) throw new PluginException(v.detail());
            return v;
        }));
    }

    /** The jar shown to the operator, loaded and its approval stored, if it is still the one with that SHA-256. */
    private PluginJar load(String file, String sha256) {
        PluginFolder f = folder;
        try {
            if (f == null) throw new PluginException("no plug-in folder is open");
            PluginLoader.Candidate jar = f.reread(file).orElseThrow(() -> new PluginException(file + " is no longer in " + f.dir()));
            if (!jar.sha256().equals(sha256)) {
                throw new PluginException(file + " changed since it was shown (its SHA-256 is now " + jar.sha256()
                        + "); nothing was approved");
            }
            PluginJar loaded = PluginLoader.load(jar, f.staging());
            trust.approve(sha256, file, System.currentTimeMillis());
            return loaded;
        } catch (PluginException e) {
            engine.run(events -> fail(file, sha256, e.getMessage(), events));
            throw e;
        }
    }

    @Override
    public void refuse(String file, String sha256) {
        views.put(file, new PluginView(file, sha256, Status.REFUSED, List.of(), "not loaded: refused by the operator"));
        log.warn("plug-in {} (SHA-256 {}) refused by the operator; not loaded", file, sha256);
        engine.run(events -> events.add(new SystemEvent.PluginChanged(engine.now(), file, sha256, Status.REFUSED.name(),
                "refused by the operator")));
    }

    /** The version of a jar now installed (tests: its class loader is collected once replaced). */
    public java.util.Optional<PluginJar> installed(String file) {
        return java.util.Optional.ofNullable(installed.get(file));
    }
}
