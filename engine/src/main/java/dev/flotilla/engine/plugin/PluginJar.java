package dev.flotilla.engine.plugin;

import dev.flotilla.strategy.StrategyType;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One loaded version of a plug-in jar: its name in the plug-in folder, the SHA-256 of what was loaded, the class loader
 * its classes live in and the strategy types it brings. Closing it closes the loader and deletes the private copy; the
 * loader is collected once nothing holds its strategies any more.
 */
public final class PluginJar implements AutoCloseable {

    private final String name;
    private final String sha256;
    private final Path copy;
    private URLClassLoader loader;
    private List<StrategyType> types;

    PluginJar(String name, String sha256, Path copy, URLClassLoader loader, List<StrategyType> types) {
        this.name = name;
        this.sha256 = sha256;
        this.copy = copy;
        this.loader = loader;
        this.types = List.copyOf(types);
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public List<StrategyType> types() {
        return types;
    }

    public List<String> strategyIds() {
        return types.stream().map(StrategyType::id).toList();
    }

    /** The loader of this version's classes (for a test that shows it is collected once replaced). */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Installs this version's strategies in {@code registry}, in place of those its earlier version brought. Refused
     * (a strategy name is taken), it closes and nothing in the registry changes.
     *
     * @throws PluginException saying which name is taken and by what
     */
    public void installIn(dev.flotilla.engine.strategy.StrategyRegistry registry) {
        try {
            registry.install(name, types);
        } catch (IllegalArgumentException e) {
            close();
            throw new PluginException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        types = List.of();
        if (loader == null) return;
        try {
            loader.close();
        } catch (IOException e) {
            // the copy is deleted below anyway; nothing more can be done about a loader that will not close
        }
        loader = null;
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // a stale copy is removed at the next start
        }
    }

    @Override
    public String toString() {
        return name + " (" + String.join(", ", strategyIds()) + ")";
    }
}
