package dev.flotilla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console under load, each fleet in a JVM of its own on JavaFX's headless platform (see {@link ConsoleProbe}),
 * and once with the engine stopped, for what the platform gives this machine when nothing else runs.
 */
final class ConsoleSection {

    private ConsoleSection() {
    }

    static List<Figure> run(Path work, List<Integer> sizes, long seconds, long warmup, java.io.PrintStream progress)
            throws Exception {
        List<Figure> out = new ArrayList<>();
        for (int n : sizes) {
            progress.println("console: " + n + " bots trading at full speed, candle chart open, " + seconds + " s after "
                    + warmup + " s of warm-up, headless JavaFX");
            Map<String, String> r = probe(work.resolve("console-" + n), n, seconds, warmup, "load");
            String area = "console, " + n + " bots at full speed";
            String load = "(after " + warmup + " s of warm-up; the engine ran " + r.get("simulatedHours") + " simulated hours in "
                    + seconds + " s)";
            double fps = fps(r);
            out.add(Figure.target(area, "frames per second " + load, String.format("%.1f", fps), ">= 25 frames/s", fps >= 25));
            out.add(Figure.info(area, "longest FX-thread pause (longest gap between two frames)", r.get("longestGapMs") + " ms"));
            out.add(Figure.info(area, "CPU of the FX thread / of the whole process, in cores",
                    r.get("fxCpuShare") + " / " + r.get("processCpuShare")));
            long hwm = Long.parseLong(r.get("vmHWMkB")) * 1024;
            String what = "peak resident size of the app with its window (VmHWM)";
            out.add(n == 45 ? Figure.target(area, what, Samples.mb(hwm), "<= 400 MB (the app with 45 bots)", hwm <= 400L << 20)
                    : Figure.info(area, what, Samples.mb(hwm)));
            out.add(Figure.info(area, "peak heap in use / heap committed at the end", Samples.mb(Long.parseLong(r.get("heapPeak")))
                    + " / " + Samples.mb(Long.parseLong(r.get("heapCommitted")))));
        }
        int n = sizes.getFirst();
        progress.println("console: " + n + " bots at the app's default speed (x60), " + seconds + " s after " + warmup
                + " s, headless JavaFX");
        Map<String, String> normal = probe(work.resolve("console-default"), n, seconds, warmup, "default");
        long normalHwm = Long.parseLong(normal.get("vmHWMkB")) * 1024;
        String normalArea = "console, " + n + " bots at the default speed (x60)";
        out.add(Figure.info(normalArea, "frames per second / longest gap between two frames",
                String.format("%.1f / %s ms", fps(normal), normal.get("longestGapMs"))));
        out.add(n == 45 ? Figure.target(normalArea, "peak resident size of the app with its window (VmHWM)", Samples.mb(normalHwm),
                "<= 400 MB (the app with 45 bots)", normalHwm <= 400L << 20)
                : Figure.info(normalArea, "peak resident size of the app with its window (VmHWM)", Samples.mb(normalHwm)));
        progress.println("console: " + n + " bots, engine stopped (the baseline), " + seconds + " s");
        Map<String, String> idle = probe(work.resolve("console-idle"), n, seconds, 0, "idle");
        out.add(Figure.info("console, " + n + " bots, engine stopped", "frames per second / longest gap between two frames",
                String.format("%.1f / %s ms", fps(idle), idle.get("longestGapMs"))));
        out.addAll(startup(work.resolve("startup"), progress));
        return out;
    }

    /**
     * One start of the app with its window in {@code home}, not measured: as the first start of an installed app, it
     * leaves the class-data archive every later start maps (the JVM writes it as the run ends).
     */
    static void makeClassDataArchive(Path home, Path dir, java.io.PrintStream progress) throws Exception {
        progress.println("class-data archive: one start of the app with its window makes it, as an installed app's first start does");
        ChildJvm.run(home, List.of("-Dglass.platform=Headless", "-Dprism.order=sw"), StartupProbe.class.getName(),
                List.of("--data-dir", dir.resolve("data").toString(), "--seed", "7", "--start", "2026-01-05"),
                Files.createDirectories(dir).resolve("child.log"), 5);
    }

    /**
     * {@code flotilla} with its window, default fleet and speed: JVM start to first frame. The first start after an
     * install has no class-data archive yet (the JVM makes it as that run ends); then a new data folder, and the same
     * folder again, as every later start is.
     */
    private static List<Figure> startup(Path dir, java.io.PrintStream progress) throws Exception {
        List<Figure> out = new ArrayList<>();
        Path home = dir.resolve("home");  // a user's home with no archive in it yet
        String[][] starts = {{"the first start after installing (no class-data archive yet), a new data folder", "first"},
                {"a later start, a new data folder", "data"}, {"a later start, the same folder again", "data"}};
        for (String[] start : starts) {
            progress.println("console: the app's cold start to its first frame, " + start[0]);
            Files.createDirectories(dir);
            Map<String, String> r = ChildJvm.run(home, List.of("-Dglass.platform=Headless", "-Dprism.order=sw"),
                    StartupProbe.class.getName(), List.of("--data-dir", dir.resolve(start[1]).toString(), "--seed", "7",
                            "--start", "2026-01-05"), dir.resolve("child.log"), 5);
            long ms = Long.parseLong(r.get("firstFrameMs"));
            out.add(Figure.target("console start", "cold start (JVM start) to the window's first frame, " + start[0],
                    String.format("%.2f s", ms / 1000.0), "<= 2 s", ms <= 2_000));
        }
        return out;
    }

    private static Map<String, String> probe(Path dir, int bots, long seconds, long warmup, String mode) throws Exception {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of(Integer.toString(bots), Long.toString(seconds), dir.toString(),
                mode, Long.toString(warmup)));
        return ChildJvm.run(dir.getParent().resolve("home"), List.of("-Dglass.platform=Headless", "-Dprism.order=sw"), ConsoleProbe.class.getName(), args,
                dir.resolve("child.log"), 15);
    }

    private static double fps(Map<String, String> r) {
        return Long.parseLong(r.get("frames")) / Double.parseDouble(r.get("seconds"));
    }
}
