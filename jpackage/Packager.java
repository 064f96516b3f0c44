import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the native app image and the installer of the host OS from app/target/flotilla (the jar and its lib/).
 *
 * <p>Run by the {@code jpackage} Maven profile of app/pom.xml with the JDK 25 of the Maven toolchain, as a
 * source-file program, from the repository root. It calls jdeps, jlink and jpackage in-process through
 * {@link ToolProvider}, so it runs with whatever JDK runs it and needs no JAVA_HOME and no path to a JDK:
 * <ol>
 *   <li>jdeps lists the JDK modules the jar and every jar in lib/ use; jpackage/modules.txt adds those that
 *       are only loaded by name;</li>
 *   <li>jlink links a runtime of just those modules (no debug data, headers, man pages or JDK commands), with the
 *       JDK's class-data archive, which every start maps instead of loading the JDK's classes one by one (and
 *       which the app's own archive, made at the first run, builds on);</li>
 *   <li>the jar and lib/ are copied (jars only) for jpackage, sqlite-jdbc with only the native library of this OS
 *       and processor (it carries those of every platform, 10 MB);</li>
 *   <li>jpackage makes the app image (app/target/jpackage/Flotilla, with the launcher bin/Flotilla on Linux)
 *       with the options in jpackage/app-image.args and jpackage/OS/app-image.args;</li>
 *   <li>jpackage makes the installer of the host OS from that image (deb, dmg or msi) beside it, with the
 *       options in jpackage/OS/installer.args.</li>
 * </ol>
 * The .args files hold one or more jpackage options a line; lines starting with # are comments, relative
 * paths are relative to the repository root. Options: {@code key=value} arguments, see {@link #main}.
 */
public final class Packager {

    private final Path input;
    private final Path dest;
    private final Path work;
    private final Path config;
    private final String name;
    private final String version;
    private final String mainJar;
    private final String mainClass;
    private final String installer;
    private final String os;

    private Packager(Args a) {
        input = Path.of(a.get("input", "app/target/flotilla")).toAbsolutePath().normalize();
        dest = Path.of(a.get("dest", "app/target/jpackage")).toAbsolutePath().normalize();
        work = Path.of(a.get("work", "app/target/jpackage-work")).toAbsolutePath().normalize();
        config = Path.of(a.get("config", "jpackage")).toAbsolutePath().normalize();
        name = a.get("name", "Flotilla");
        version = a.get("version", null);
        mainJar = a.get("main-jar", "flotilla.jar");
        mainClass = a.get("main-class", "dev.flotilla.app.Main");
        os = hostOs();
        installer = installerType(a.get("installer", "auto"), os);
    }

    /**
     * Arguments, all optional but version: input=DIR dest=DIR work=DIR config=DIR name=NAME version=X.Y.Z
     * main-jar=JAR main-class=CLASS installer=auto|none|deb|rpm|dmg|pkg|msi|exe.
     */
    public static void main(String[] args) {
        try {
            new Packager(new Args(args)).run();
        } catch (Failure e) {
            System.err.println();
            System.err.println("jpackage: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        long start = System.nanoTime();
        if (version == null) throw new Failure("no version given (version=X.Y.Z)");
        if (!Files.isRegularFile(input.resolve(mainJar))) {
            throw new Failure(input.resolve(mainJar) + " is missing: build the app first (./mvnw -DskipTests package)");
        }
        String appVersion = appVersion();
        if (!installer.equals("none")) checkInstallerTools();
        deleteTree(dest);
        deleteTree(work);
        mkdirs(dest);
        mkdirs(work);

        List<String> modules = modules();
        say("runtime modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        step("jlink", () -> tool("jlink", List.of(
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress", "zip-6",
                // made by running the new runtime's java, so its commands are removed only afterwards
                "--generate-cds-archive",
                "--output", runtime.toString())));
        // jpackage's launcher starts the JVM itself: the runtime's commands (java, keytool...) are not shipped; and
        // of the two archives, the one for compressed object pointers is used with any heap under 32 GB (-Xmx1g), so
        // the other (13 MB) is never mapped
        deleteTree(runtime.resolve("bin"));
        try {
            Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
        } catch (IOException e) {
            throw new Failure("cannot delete the unused class-data archive: " + e.getMessage());
        }
        stripJvmSymbols(runtime);
        Path appFiles = work.resolve("input");
        copyAppFiles(appFiles);

        List<String> image = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", name,
                "--app-version", appVersion,
                "--input", appFiles.toString(),
                "--main-jar", mainJar,
                "--main-class", mainClass,
                "--runtime-image", runtime.toString(),
                "--icon", icon().toString(),
                "--dest", dest.toString()));
        image.addAll(argsFile(config.resolve("common.args")));
        image.addAll(argsFile(config.resolve("app-image.args")));
        image.addAll(argsFile(config.resolve(os).resolve("app-image.args")));
        step("jpackage app image", () -> tool("jpackage", image));
        Path appImage = dest.resolve(os.equals("mac") ? name + ".app" : name);
        say("app image: " + root().relativize(appImage) + ", " + megabytes(size(appImage)) + " MB");

        if (!installer.equals("none")) {
            List<String> pkg = new ArrayList<>(List.of(
                    "--type", installer,
                    "--name", name,
                    "--app-version", appVersion,
                    "--app-image", appImage.toString(),
                    // jpackage ignores --icon with --app-image: the menu entry's icon comes from the resource dir
                    "--resource-dir", installerResources().toString(),
                    "--dest", dest.toString()));
            pkg.addAll(argsFile(config.resolve("common.args")));
            pkg.addAll(argsFile(config.resolve(os).resolve("installer.args")));
            step("jpackage " + installer, () -> tool("jpackage", pkg));
            try (Stream<Path> files = Files.list(dest)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path named = renameForVersion(p, appVersion);
                    say("installer: " + root().relativize(named) + ", " + megabytes(size(named)) + " MB");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        say(String.format(Locale.ROOT, "packaging took %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /** The main jar and lib/'s jars into {@code to}, nothing else (no log a run left there); sqlite-jdbc slimmed. */
    private void copyAppFiles(Path to) {
        try {
            mkdirs(to.resolve("lib"));
            Files.copy(input.resolve(mainJar), to.resolve(mainJar));
            try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    Path copy = to.resolve("lib").resolve(jar.getFileName());
                    if (jar.getFileName().toString().startsWith("sqlite-jdbc-")) keepOwnNativeLibrary(jar, copy);
                    else Files.copy(jar, copy);
                }
            }
        } catch (IOException e) {
            throw new Failure("cannot copy the app's jars: " + e.getMessage());
        }
    }

    /**
     * sqlite-jdbc without the native libraries of other platforms: it loads org/sqlite/native/OS/ARCH/ of the
     * machine it runs on (Linux-Musl/ARCH on musl systems), and the installer is made for one OS and processor.
     */
    private void keepOwnNativeLibrary(Path jar, Path copy) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        List<String> keep = switch (os) {
            case "mac" -> List.of("Mac/" + arch + "/");
            case "windows" -> List.of("Windows/" + arch + "/");
            default -> List.of("Linux/" + arch + "/", "Linux-Musl/" + arch + "/");
        };
        String natives = "org/sqlite/native/";
        int kept = 0;
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(jar));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String n = e.getName();
                if (n.startsWith(natives) && !n.equals(natives) && keep.stream().noneMatch(k -> n.startsWith(natives + k)
                        || (natives + k).startsWith(n))) {
                    continue;
                }
                if (n.startsWith(natives) && !e.isDirectory()) kept++;
                out.putNextEntry(new java.util.zip.ZipEntry(n));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (kept == 0) throw new Failure(jar.getFileName() + " has no native library for " + keep + ": cannot package for this machine");
        say(jar.getFileName() + ": kept the native library of " + String.join(" and ", keep) + " only ("
                + megabytes(size(jar)) + " MB -> " + megabytes(size(copy)) + " MB)");
    }

    /** The JDK modules jdeps finds in the jar and all of lib/, plus those listed in jpackage/modules.txt. */
    private List<String> modules() {
        Path lib = input.resolve("lib");
        List<String> jars = new ArrayList<>();
        jars.add(input.resolve(mainJar).toString());
        try (Stream<Path> files = Files.list(lib)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toString()));
        } catch (IOException e) {
            throw new Failure("cannot list " + lib + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>(List.of(
                "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()),
                // the modular jars in lib/ are read as modules, so their requires resolve among themselves
                "--module-path", lib.toString()));
        args.addAll(jars);
        String[] out = new String[1];
        step("jdeps", () -> out[0] = tool("jdeps", args, false, "(" + mainJar + " and the " + (jars.size() - 1) + " jars of lib/)"));
        // jdeps warns about split packages (each jar is both on the module path and an argument): the last
        // line is the answer
        String last = out[0].strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.matches("[a-z0-9.]+(,[a-z0-9.]+)*")) throw new Failure("jdeps printed no module list:\n" + out[0]);
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(last.split(",")));
        for (String line : lines(config.resolve("modules.txt"))) modules.add(line);
        return List.copyOf(modules);
    }

    /** The pom version as jpackage takes it: one to three numbers, no -SNAPSHOT or other qualifier. */
    private String appVersion() {
        Matcher m = Pattern.compile("^([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?").matcher(version);
        if (!m.find()) throw new Failure("the version " + version + " does not start with a number");
        String v = m.group();
        // a macOS bundle's version must not start with 0: a 0.x build is packaged as 1.0.0 (its dmg is renamed
        // back to the real version below)
        if (os.equals("mac") && Integer.parseInt(m.group(1)) == 0) {
            say("note: macOS needs a version from 1 up; this " + v + " build is packaged as 1.0.0");
            return "1.0.0";
        }
        return v;
    }

    private Path renameForVersion(Path file, String appVersion) {
        String plain = file.getFileName().toString();
        String real = appVersion.equals("1.0.0") && os.equals("mac") ? plain.replace("1.0.0", version) : plain;
        if (real.equals(plain)) return file;
        try {
            return Files.move(file, file.resolveSibling(real));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path icon() {
        Path icons = root().resolve("resources/icons");
        return icons.resolve(switch (os) {
            case "mac" -> "flotilla.icns";
            case "windows" -> "flotilla.ico";
            default -> "flotilla.png";
        });
    }

    /**
     * jpackage's resource dir for the installer: the icon under the names jpackage looks for (NAME.png for the
     * Linux menu entry, NAME.ico on Windows, NAME.icns and NAME-volume.icns for the dmg), then whatever
     * jpackage/OS/resources holds (e.g. a replaced template; jpackage --verbose names each one it uses).
     */
    private Path installerResources() {
        Path dir = work.resolve("resources");
        mkdirs(dir);
        Path icon = icon();
        String ext = icon.getFileName().toString().substring(icon.getFileName().toString().lastIndexOf('.'));
        List<String> names = os.equals("mac") ? List.of(name + ext, name + "-volume" + ext) : List.of(name + ext);
        try {
            for (String n : names) Files.copy(icon, dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
            Path own = config.resolve(os).resolve("resources");
            if (Files.isDirectory(own)) {
                try (Stream<Path> files = Files.list(own)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new Failure("cannot prepare " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    private Path root() {
        return config.getParent();
    }

    private void checkInstallerTools() {
        List<String> needed = switch (installer) {
            case "deb" -> List.of("dpkg-deb", "fakeroot");
            case "rpm" -> List.of("rpmbuild");
            default -> List.of();
        };
        List<String> missing = needed.stream().filter(t -> !onPath(t)).toList();
        if (!missing.isEmpty()) {
            throw new Failure("building the " + installer + " needs " + String.join(" and ", needed) + ", and "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not on the PATH. Install "
                    + (installer.equals("deb") ? "them (Debian, Ubuntu: sudo apt-get install fakeroot dpkg)" : "it (rpm-build)")
                    + ", or build only the app image with -Dflotilla.installer=none.");
        }
        if (installer.equals("msi") || installer.equals("exe")) {
            if (!onPath("wix.exe") && !(onPath("candle.exe") && onPath("light.exe"))) {
                throw new Failure("building the " + installer + " needs the WiX Toolset (wix.exe, or candle.exe and "
                        + "light.exe of WiX 3) on the PATH: https://wixtoolset.org, or build only the app image with "
                        + "-Dflotilla.installer=none.");
            }
        }
    }

    /**
     * On Linux the JDK's libjvm.so keeps its symbol table (30 MB, 25 MB without); only a JVM developer reading a native
     * crash report needs the names, so it is stripped when the system's {@code strip} is there (binutils), and kept
     * as it is otherwise.
     */
    private void stripJvmSymbols(Path runtime) {
        Path libjvm = runtime.resolve("lib/server/libjvm.so");
        if (!os.equals("linux") || !Files.isRegularFile(libjvm)) return;
        if (!onPath("strip")) {
            say("strip (binutils) is not installed: libjvm.so keeps its symbol table");
            return;
        }
        long before = size(libjvm);
        try {
            Process p = new ProcessBuilder("strip", "--strip-unneeded", libjvm.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new Failure("strip failed on " + libjvm + ": " + out.strip());
        } catch (IOException e) {
            throw new Failure("cannot run strip: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while stripping libjvm.so");
        }
        say("libjvm.so stripped of its symbol table: " + megabytes(before) + " -> " + megabytes(size(libjvm)));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return true;
        }
        return false;
    }

    private static String hostOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return "mac";
        if (os.contains("win")) return "windows";
        return "linux";
    }

    private static String installerType(String asked, String os) {
        String t = asked.toLowerCase(Locale.ROOT).strip();
        if (t.isEmpty() || t.equals("auto")) {
            return switch (os) {
                case "mac" -> "dmg";
                case "windows" -> "msi";
                default -> "deb";
            };
        }
        List<String> valid = switch (os) {
            case "mac" -> List.of("none", "dmg", "pkg");
            case "windows" -> List.of("none", "msi", "exe");
            default -> List.of("none", "deb", "rpm");
        };
        if (!valid.contains(t)) throw new Failure("installer=" + asked + ": on this OS one of auto, " + String.join(", ", valid));
        return t;
    }

    // ---- running the JDK tools

    private static String tool(String name, List<String> args) {
        return tool(name, args, true, null);
    }

    /** Runs a JDK tool in this JVM; echo: print its output; files: what to print instead of the .jar arguments. */
    private static String tool(String name, List<String> args, boolean echo, String files) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new Failure(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        List<String> shown = files == null ? args
                : Stream.concat(args.stream().filter(a -> !a.endsWith(".jar")), Stream.of(files)).toList();
        System.out.println("  " + name + " " + String.join(" ", shown.stream().map(Packager::quote).toList()));
        StringWriter out = new StringWriter();
        int status;
        try (PrintWriter pw = new PrintWriter(out, true)) {
            status = tool.run(pw, pw, args.toArray(String[]::new));
        }
        String text = out.toString();
        if (echo && !text.isBlank()) text.strip().lines().forEach(l -> System.out.println("    " + l));
        if (status != 0) {
            throw new Failure(name + " failed with status " + status + (echo ? "" : ":\n" + text));
        }
        return text;
    }

    private static String quote(String s) {
        return s.isEmpty() || s.matches(".*[\\s\"';&|$<>()].*") ? "'" + s + "'" : s;
    }

    private static void step(String what, Runnable r) {
        long t = System.nanoTime();
        say(what + " ...");
        r.run();
        say(String.format(Locale.ROOT, "%s done in %.1f s", what, (System.nanoTime() - t) / 1e9));
    }

    private static void say(String s) {
        System.out.println("[jpackage] " + s);
    }

    // ---- the .args and .txt files

    /** The non-comment lines of a file, stripped; none when the file does not exist. */
    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The options of a .args file: words split on blanks, "double" or 'single' quotes keep blanks in one word. */
    static List<String> argsFile(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                    else word.append(c);
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    if (word == null) word = new StringBuilder();
                } else if (Character.isWhitespace(c)) {
                    if (word != null) words.add(word.toString());
                    word = null;
                } else {
                    if (word == null) word = new StringBuilder();
                    word.append(c);
                }
            }
            if (quote != 0) throw new Failure(file + ": unclosed quote in: " + line);
            if (word != null) words.add(word.toString());
        }
        return words;
    }

    // ---- files

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new Failure("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Failure("cannot create " + dir + ": " + e.getMessage());
        }
    }

    private static long size(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            return all.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private record Args(String[] args) {
        String get(String key, String fallback) {
            for (String a : args) {
                if (a.startsWith(key + "=")) {
                    String v = a.substring(key.length() + 1);
                    return v.isBlank() ? fallback : v;
                }
            }
            return fallback;
        }
    }
}
