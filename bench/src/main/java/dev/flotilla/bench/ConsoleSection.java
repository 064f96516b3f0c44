package dev.flotilla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The console under load, each fleet in a JVM of its own on JavaFX's headless platform (see {@link ConsoleProbe}). */
final class ConsoleSection {

    private ConsoleSection() {
    }

    static List<Figure> run(Path work, List<Integer> sizes, long seconds, java.io.PrintStream progress) throws Exception {
        List<Figure> out = new ArrayList<>();
        for (int n : sizes) {
            progress.println("console: " + n + " bots trading at full speed, candle chart open, " + seconds + " s, headless JavaFX");
            Path dir = Files.createDirectories(work.resolve("console-" + n));
            Map<String, String> r = ChildJvm.run(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"),
                    ConsoleProbe.class.getName(), List.of(Integer.toString(n), Long.toString(seconds), dir.toString()),
                    dir.resolve("child.log"), ConsoleProbe.PREFIX, 10);
            double fps = Long.parseLong(r.get("frames")) / Double.parseDouble(r.get("seconds"));
            double gap = Double.parseDouble(r.get("longestGapMs"));
            long hwm = Long.parseLong(r.get("vmHWMkB")) * 1024;
            String area = "console, " + n + " bots at full speed";
            String load = "(engine covered " + r.get("simulatedHours") + " simulated hours in " + seconds + " s)";
            out.add(Figure.target(area, "frames per second " + load, String.format("%.1f", fps), ">= 25 frames/s", fps >= 25));
            out.add(Figure.info(area, "longest FX-thread pause (longest gap between two frames)", String.format("%.0f ms", gap)));
            if (n == 45) {
                out.add(Figure.target(area, "peak resident size of the app with its window (VmHWM)", MemorySection.mb(hwm),
                        "<= 400 MB (the app with 45 bots)", hwm <= 400L << 20));
            } else {
                out.add(Figure.info(area, "peak resident size of the app with its window (VmHWM)", MemorySection.mb(hwm)));
            }
        }
        return out;
    }
}
