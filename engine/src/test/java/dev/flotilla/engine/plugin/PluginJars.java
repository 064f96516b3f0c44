package dev.flotilla.engine.plugin;

import dev.flotilla.strategy.StrategyType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ta4j.core.BarSeries;

/**
 * Plug-in jars as they are built elsewhere: Java sources compiled against the strategy API and ta4j alone, packed
 * with a services file. Also the example plug-in the build makes, and files that are not plug-ins.
 */
public final class PluginJars {

    private static final java.util.concurrent.atomic.AtomicLong STAMP = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

    private PluginJars() {
    }

    /**
     * The example plug-in the build makes (examples/sma-cross-plugin), as Maven resolved it: its jar, or, in a reactor
     * build that stops before packaging, its classes, packed here into a jar the way its build packs them.
     */
    public static synchronized Path example() throws IOException {
        String where = System.getProperty("flotilla.examplePlugin", "");
        if (where.isBlank() || where.startsWith("${")) {
            throw new IllegalStateException("the build did not say where the example plug-in is (flotilla.examplePlugin)");
        }
        Path built = Path.of(where);
        if (Files.isRegularFile(built)) return built;
        Path jar = Path.of("target", "plugins", "flotilla-example-plugin.jar").toAbsolutePath();
        if (Files.isRegularFile(jar)) return jar;
        Files.createDirectories(jar.getParent());
        Path tmp = Files.createTempFile(jar.getParent(), "example", ".tmp");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(tmp));
             Stream<Path> files = Files.walk(built)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(built.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return Files.move(tmp, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Compiles {@code sources} (class name to source) into {@code jar}, listing {@code services} (class names) as
     * strategy types; {@code services} null leaves the services file out.
     */
    public static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "build");
        Path src = work.resolve("src");
        Path out = work.resolve("classes");
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                location(StrategyType.class) + java.io.File.pathSeparator + location(BarSeries.class), "-proc:none"));
        args.addAll(files);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plug-in does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        Path tmp = Files.createTempFile(jar.getParent(), "jar", ".tmp");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(tmp))) {
            try (Stream<Path> classes = Files.walk(out)) {
                for (Path c : classes.filter(Files::isRegularFile).sorted().toList()) {
                    j.putNextEntry(new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                    Files.copy(c, j);
                    j.closeEntry();
                }
            }
            if (services != null) {
                j.putNextEntry(new JarEntry(PluginLoader.SERVICES));
                j.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        // replaced in one move, as a file manager or a copy would leave it; a later time so the folder sees the change
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(STAMP.addAndGet(1_000)));
        return jar;
    }

    /**
     * A one-type plug-in: strategy {@code id} whose {@code evaluate} body is {@code decide} (it sees {@code index},
     * {@code position} and {@code series}); one integer parameter "period" (2..50, default 5).
     */
    public static Path strategy(Path jar, String pkg, String id, String decide) throws IOException {
        String source = """
                package %1$s;

                import dev.flotilla.strategy.*;
                import java.util.List;
                import java.util.Map;
                import org.ta4j.core.BarSeries;

                public final class Type implements StrategyType {
                    public String id() { return "%2$s"; }
                    public String displayName() { return "%2$s (test plug-in)"; }
                    public List<ParamSpec> params() { return List.of(new ParamSpec("period", "bars", 2, 50, 5, true)); }
                    public int warmupBars(Map<String, Double> params) { return params.get("period").intValue(); }
                    public Strategy create(Map<String, Double> params) {
                        int period = params.get("period").intValue();
                        return series -> new BoundStrategy() {
                            public void prime(int index) { }
                            public Decision evaluate(int index, OpenPosition position) { %3$s }
                        };
                    }
                }
                """.formatted(pkg, id, decide);
        return build(jar, Map.of(pkg + ".Type", source), List.of(pkg + ".Type"));
    }

    /** A file named like a jar that is not one. */
    public static Path notAJar(Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write("this is a text file, not a jar".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
