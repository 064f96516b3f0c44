package dev.flotilla.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The results as a plain table for the terminal and as Markdown for docs/benchmarks.md. */
record Report(String command, String machine, String loadBefore, String loadAfter, String wall, List<Figure> figures) {

    void print(PrintStream out) {
        int a = width(Figure::area, "area"), w = width(Figure::what, "measure"), v = width(Figure::value, "value");
        int t = width(Figure::target, "target");
        String fmt = "%-" + a + "s  %-" + w + "s  %" + v + "s  %-" + t + "s  %s%n";
        out.printf(fmt, "area", "measure", "value", "target", "");
        out.println("-".repeat(a + w + v + t + 14));
        String last = null;
        for (Figure f : figures) {
            out.printf(fmt, f.area().equals(last) ? "" : f.area(), f.what(), f.value(), f.target(), f.verdict());
            last = f.area();
        }
        out.println();
        out.println("machine: " + machine);
        out.println("load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter
                + " (that one counts the benchmark's own work); benchmark wall time " + wall);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| area | measure | value | target | met |\n|---|---|---:|---|---|\n");
        String last = null;
        for (Figure f : figures) {
            sb.append("| ").append(f.area().equals(last) ? "" : cell(f.area())).append(" | ").append(cell(f.what()))
                    .append(" | ").append(cell(f.value())).append(" | ").append(cell(f.target())).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "met" : "**missed**").append(" |\n");
            last = f.area();
        }
        sb.append("\nMachine: ").append(machine).append(".  \n");
        sb.append("Load average (1, 5, 15 min) before the run: ").append(loadBefore).append("; after it: ").append(loadAfter)
                .append(" (that one counts the benchmark's own work); the benchmark took ").append(wall).append(".  \n");
        sb.append("Command: `").append(command).append("`\n");
        return sb.toString();
    }

    void writeMarkdown(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    private int width(java.util.function.Function<Figure, String> f, String header) {
        return Math.max(header.length(), figures.stream().mapToInt(x -> f.apply(x).length()).max().orElse(0));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
