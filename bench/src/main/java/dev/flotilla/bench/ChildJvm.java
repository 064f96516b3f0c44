package dev.flotilla.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM of the same Java and class path as this one, with the options the installed app's launcher gives it
 * ({@link LauncherOptions}), running one main class, which hands back one line of {@code key=value} pairs as its
 * report ({@link #report}). The report goes through a file of its own: on the merged output, a line printed by another
 * thread (an exception's trace as the JVM ends) can land in the middle of it.
 */
final class ChildJvm {

    /** The system property naming the file a child writes its report to. */
    static final String REPORT_FILE = "flotilla.bench.report";

    private ChildJvm() {
    }

    /** Called in the child: writes its report, whole, to the file the parent named, and shows it in the child's log. */
    static void report(String prefix, String pairs) throws java.io.IOException {
        Path file = Path.of(System.getProperty(REPORT_FILE, "child-report.txt"));
        Path part = file.resolveSibling(file.getFileName() + ".part");
        java.nio.file.Files.writeString(part, pairs, StandardCharsets.UTF_8);
        java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println(prefix + " " + pairs);
        System.out.flush();
    }

    /** Whether this JVM runs from classes folders (the tests), so that its children can have no class-data archive. */
    static boolean fromClassFolders() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .anyMatch(e -> java.nio.file.Files.isDirectory(Path.of(e)));
    }

    /**
     * Runs {@code main} with {@code args}; returns the report line's pairs, the process's wall time as "processMs" and
     * the wall-clock instant it was started at as "launchedAtMs" (epoch ms, as a child's own instants).
     *
     * @param home the user's home folder as the launcher's options see it (where the class-data archive is kept); runs
     *             with the same home share one archive, as the starts of an installed app do
     */
    static Map<String, String> run(Path home, List<String> jvmOptions, String main, List<String> args, Path log,
                                   long timeoutMinutes) throws Exception {
        String javaCmd = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(javaCmd));
        // an ahead-of-time cache replaces the class-data archive (the JVM takes one or the other), and the JVM archives
        // classes from jars only: run from classes folders (the tests), it would fail at exit
        boolean noArchive = jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOT")) || fromClassFolders();
        for (String o : LauncherOptions.of(home)) {
            if (noArchive && (o.startsWith("-XX:SharedArchiveFile") || o.contains("AutoCreateSharedArchive"))) continue;
            if (o.startsWith("-XX:SharedArchiveFile=")) java.nio.file.Files.createDirectories(Path.of(o.substring(o.indexOf('=') + 1)).getParent());
            cmd.add(o);
        }
        cmd.addAll(jvmOptions);
        Path reportFile = log.resolveSibling(log.getFileName() + ".report");
        java.nio.file.Files.deleteIfExists(reportFile);
        cmd.add("-D" + REPORT_FILE + "=" + reportFile);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(args);
        long launchedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                tail.add(line);
                if (tail.size() > 40) tail.removeFirst();
            }
        }
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the child JVM did not finish: " + cmd);
        }
        java.nio.file.Files.write(log, tail);
        String report = java.nio.file.Files.exists(reportFile) ? java.nio.file.Files.readString(reportFile).trim() : null;
        if (report == null || p.exitValue() != 0) {
            throw new IllegalStateException("the child JVM failed (status " + p.exitValue()
                    + (report == null ? ", no report" : "") + "); its last lines are in " + log
                    + ":\n" + String.join("\n", tail));
        }
        Map<String, String> pairs = new HashMap<>();
        for (String kv : report.split("\\s+")) {
            int i = kv.indexOf('=');
            if (i > 0) pairs.put(kv.substring(0, i), kv.substring(i + 1));
        }
        pairs.put("processMs", Long.toString((System.nanoTime() - start) / 1_000_000));
        pairs.put("launchedAtMs", Long.toString(launchedAt));
        return pairs;
    }
}
