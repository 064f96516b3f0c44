package dev.flotilla.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the installed app's launcher gives its JVM on this OS, read from the jpackage option files the
 * app image is built from (jpackage/app-image.args, then jpackage/linux/app-image.args), so that the benchmark's
 * child JVMs run as the installed app does. {@code $HOME}, which the launcher expands, becomes a folder of the run.
 */
final class LauncherOptions {

    private LauncherOptions() {
    }

    /** @param home what {@code $HOME} stands for in the options (the benchmark's own folder, not the user's) */
    static List<String> of(Path home) {
        Path jpackage = jpackageFolder();
        List<String> options = new ArrayList<>();
        options.addAll(javaOptions(jpackage.resolve("app-image.args"), home));
        options.addAll(javaOptions(jpackage.resolve(os()).resolve("app-image.args"), home));
        return options;
    }

    static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return name.contains("mac") ? "mac" : name.contains("win") ? "windows" : "linux";
    }

    /** The values of the file's --java-options lines (one option a line there), with $HOME replaced. */
    static List<String> javaOptions(Path file, Path home) {
        if (!Files.isRegularFile(file)) return List.of();
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] words = line.strip().split("\\s+", 2);
                if (words.length == 2 && words[0].equals("--java-options")) {
                    out.add(words[1].strip().replace("$HOME", home.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** jpackage/ of the checkout the benchmark runs in: from the working folder up. */
    private static Path jpackageFolder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("jpackage/app-image.args"))) return p.resolve("jpackage");
        }
        throw new IllegalStateException("run the benchmark from the repository (jpackage/app-image.args not found above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
