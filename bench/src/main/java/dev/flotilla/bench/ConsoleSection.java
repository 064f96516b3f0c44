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
            Map<String, String> r = probe(work.resolve("console-" + n), n, seconds, warmup, false);
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
        }
        int n = sizes.getFirst();
        progress.println("console: " + n + " bots, engine stopped (the baseline), " + seconds + " s");
        Map<String, String> idle = probe(work.resolve("console-idle"), n, seconds, 0, true);
        out.add(Figure.info("console, " + n + " bots, engine stopped", "frames per second / longest gap between two frames",
                String.format("%.1f / %s ms", fps(idle), idle.get("longestGapMs"))));
        return out;
    }

    private static Map<String, String> probe(Path dir, int bots, long seconds, long warmup, boolean idle) throws Exception {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of(Integer.toString(bots), Long.toString(seconds), dir.toString(),
                idle ? "idle" : "load", Long.toString(warmup)));
        return ChildJvm.run(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"), ConsoleProbe.class.getName(), args,
                dir.resolve("child.log"), ConsoleProbe.PREFIX, 15);
    }

    private static double fps(Map<String, String> r) {
        return Long.parseLong(r.get("frames")) / Double.parseDouble(r.get("seconds"));
    }
}
