package dev.flotilla.engine.plugin;

import dev.flotilla.engine.strategy.StrategyRegistry;
import dev.flotilla.strategy.StrategyType;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Loads one plug-in jar: a private copy is made first (the SHA-256 approved is the SHA-256 of what is loaded, and the
 * file in the plug-in folder may be replaced while this version runs), then a class loader of its own under
 * {@link ApiOnlyLoader}, and the strategy types its {@code META-INF/services} file lists. Every type is tried with
 * its default parameters before the jar counts as loaded.
 */
public final class PluginLoader {

    static final String SERVICES = "META-INF/services/" + StrategyType.class.getName();

    private PluginLoader() {
    }

    /** The hex SHA-256 of a file's bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** Reads a jar and its SHA-256; the bytes are what {@link #load} loads. */
    public static Candidate read(Path jar) {
        try {
            byte[] bytes = Files.readAllBytes(jar);
            return new Candidate(jar.getFileName().toString(), sha256(bytes), bytes);
        } catch (IOException e) {
            throw new PluginException(jar.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A jar's bytes as read, with its name and SHA-256. */
    public record Candidate(String name, String sha256, byte[] bytes) {
    }

    /**
     * Loads a jar from a private copy in {@code staging}.
     *
     * @throws PluginException naming the jar and what is wrong with it; nothing stays loaded then
     */
    public static PluginJar load(Candidate jar, Path staging) {
        Path copy = staging.resolve(jar.sha256() + ".jar");
        try {
            Files.createDirectories(staging);
            if (!Files.exists(copy)) {
                Path tmp = Files.createTempFile(staging, "loading", ".tmp");
                Files.write(tmp, jar.bytes());
                Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new PluginException(jar.name() + " cannot be copied to " + staging + ": " + e.getMessage(), e);
        }
        checkJar(jar.name(), copy);
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.name(), new java.net.URL[] {copy.toUri().toURL()},
                    ApiOnlyLoader.INSTANCE);
        } catch (java.net.MalformedURLException e) {
            throw new PluginException(jar.name() + ": " + e.getMessage(), e);
        }
        try {
            List<StrategyType> types = new ArrayList<>();
            for (ServiceLoader.Provider<StrategyType> p : ServiceLoader.load(StrategyType.class, loader).stream().toList()) {
                if (p.type().getClassLoader() == loader) types.add(p.get());
            }
            if (types.isEmpty()) {
                throw new PluginException(jar.name() + " is not a Flotilla plug-in: its " + SERVICES
                        + " lists no strategy of its own");
            }
            tryDefaults(jar.name(), types);
            return new PluginJar(jar.name(), jar.sha256(), copy, loader, types);
        } catch (PluginException e) {
            close(loader, copy);
            throw e;
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            close(loader, copy);
            throw new PluginException(jar.name() + ": its strategies cannot be loaded: " + describe(e), e);
        }
    }

    private static void checkJar(String name, Path copy) {
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            if (zip.getEntry(SERVICES) == null) {
                throw new PluginException(name + " is not a Flotilla plug-in: it has no " + SERVICES);
            }
        } catch (ZipException e) {
            delete(copy);
            throw new PluginException(name + " is not a plug-in: it is not a jar file", e);
        } catch (IOException e) {
            throw new PluginException(name + " cannot be opened: " + e.getMessage(), e);
        } catch (PluginException e) {
            delete(copy);
            throw e;
        }
    }

    /** Every type resolves and makes a strategy with its default parameters, as the registry would. */
    private static void tryDefaults(String name, List<StrategyType> types) {
        StrategyRegistry probe;
        try {
            probe = new StrategyRegistry(types);
        } catch (IllegalArgumentException e) {
            throw new PluginException(name + ": " + e.getMessage(), e);
        }
        for (StrategyType t : types) {
            if (t.id() == null || !t.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new PluginException(name + ": strategy id '" + t.id() + "' must be lower-case letters, digits and dashes");
            }
            try {
                Map<String, Double> defaults = probe.resolve(t.id(), Map.of());
                probe.create(t.id(), defaults);
            } catch (RuntimeException e) {
                throw new PluginException(name + ": strategy '" + t.id() + "' fails with its default parameters: "
                        + describe(e), e);
            }
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void close(URLClassLoader loader, Path copy) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // deleted below
        }
        delete(copy);
    }

    private static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // a stale copy is removed at the next start
        }
    }
}
