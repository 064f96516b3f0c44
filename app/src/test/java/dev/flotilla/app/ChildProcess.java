package dev.flotilla.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Flotilla started as a separate JVM, as a user would start it, so it can be killed for real. */
final class ChildProcess {
    private ChildProcess() {
    }

    static Process start(Path dataDir, Path output, String... options) throws IOException {
        return start(dataDir, output, java.util.Map.of(), options);
    }

    /** As {@link #start(Path, Path, String...)} with these environment variables added (and any FLOTILLA_ ones removed). */
    static Process start(Path dataDir, Path output, java.util.Map<String, String> env, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--headless", "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FLOTILLA_"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
