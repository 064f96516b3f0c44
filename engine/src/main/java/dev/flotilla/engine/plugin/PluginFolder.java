package dev.flotilla.engine.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code plugins/} folder of a data folder: which jars are new or changed since the last look, and whether the
 * operator approved each one's exact bytes (in the store, or by a {@code NAME.jar.sha256} file beside it, the way a
 * headless machine approves). Plug-ins are only ever read from here, never fetched from the network.
 */
public final class PluginFolder {

    private final Path dir;
    private final Path staging;
    private final Supplier<Set<String>> approved;
    /** Size and modification time of each jar as last read, by name: a jar is read again only when they change. */
    private final Map<String, String> stamps = new HashMap<>();

    /** The folder of the running app: loaded copies in {@code .loaded} inside it. */
    public PluginFolder(Path dir, Supplier<Set<String>> approved) {
        this(dir, dir.resolve(".loaded"), approved);
    }

    /**
     * @param staging  where loaded copies go: a command-line run beside a running app uses a folder of its own
     * @param approved the SHA-256s approved in the store
     */
    public PluginFolder(Path dir, Path staging, Supplier<Set<String>> approved) {
        this.dir = dir;
        this.staging = staging;
        this.approved = approved;
    }

    /**
     * For a run that only makes strategies (a backtest or a sweep from the command line): every approved jar that
     * loads is installed in {@code registry}; what waits or fails is told to {@code say}. The jars stay loaded.
     */
    public List<PluginJar> installApproved(dev.flotilla.engine.strategy.StrategyRegistry registry,
                                           java.util.function.Consumer<String> say) {
        List<PluginJar> loaded = new ArrayList<>();
        for (Change c : changes()) {
            try {
                if (c.problem() != null) throw c.problem();
                if (!approved(c.candidate())) {
                    say.accept("plug-in " + c.name() + " is not approved (SHA-256 " + c.candidate().sha256() + "); its"
                            + " strategies are not available");
                    continue;
                }
                PluginJar jar = PluginLoader.load(c.candidate(), staging);
                jar.installIn(registry);
                loaded.add(jar);
            } catch (PluginException e) {
                say.accept("plug-in " + c.name() + " failed: " + e.getMessage());
            }
        }
        return loaded;
    }

    public Path dir() {
        return dir;
    }

    /** Where loaded versions are copied to; emptied at start, as nothing is loaded yet. */
    public Path staging() {
        return staging;
    }

    /** Makes the folder if needed and removes copies a previous run left. */
    public void prepare() {
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(staging)) {
                try (DirectoryStream<Path> old = Files.newDirectoryStream(staging)) {
                    for (Path p : old) Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new PluginException("the plug-in folder " + dir + " cannot be prepared: " + e.getMessage(), e);
        }
    }

    /** A jar read from the folder, or the reason it could not be read. */
    public record Change(String name, PluginLoader.Candidate candidate, PluginException problem) {
    }

    /** The jars that are new or changed since the last call (by size or time), read; in name order. */
    public synchronized List<Change> changes() {
        List<Change> out = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : found) if (Files.isRegularFile(p)) jars.add(p);
        } catch (IOException e) {
            return out;  // the folder is gone or unreadable: nothing new; what runs keeps running
        }
        jars.sort(null);
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String stamp;
            try {
                stamp = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
            } catch (IOException e) {
                continue;
            }
            if (stamp.equals(stamps.get(name))) continue;
            stamps.put(name, stamp);
            try {
                out.add(new Change(name, PluginLoader.read(jar), null));
            } catch (PluginException e) {
                out.add(new Change(name, null, e));
            }
        }
        return out;
    }

    /** Whether these exact bytes were approved: in the store, or by a matching {@code NAME.jar.sha256} beside the jar. */
    public boolean approved(PluginLoader.Candidate jar) {
        if (approved.get().contains(jar.sha256())) return true;
        Path sidecar = dir.resolve(jar.name() + ".sha256");
        try {
            if (!Files.isRegularFile(sidecar)) return false;
            String text = Files.readString(sidecar).trim();
            String first = text.isEmpty() ? "" : text.split("\\s+")[0];
            return first.equalsIgnoreCase(jar.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** The jar as it is now, to approve exactly what was shown: empty when it is gone. */
    public java.util.Optional<PluginLoader.Candidate> reread(String name) {
        Path jar = dir.resolve(name);
        if (!Files.isRegularFile(jar)) return java.util.Optional.empty();
        return java.util.Optional.of(PluginLoader.read(jar));
    }
}
