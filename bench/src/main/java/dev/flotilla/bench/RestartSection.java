package dev.flotilla.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Upgrading Flotilla is a restart: the default fleet trades a session on the sandbox in a JVM of its own and stops
 * with positions open; then the app is started again on that folder in a new JVM, as a user's upgrade starts the new
 * version, and the time from the process's start to the first tick the restarted engine completes is measured (see
 * {@link RestartProbe}). Each restart gets its own copy of the stopped session's folder, so every one starts from the
 * same books; they are read before and after through the engine's store, and nothing may be lost.
 */
final class RestartSection {

    private RestartSection() {
    }

    private record Kind(String name, String what) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("same", "a restart of the same version (the class-data archive of an earlier start mapped)"),
            new Kind("upgrade", "the first start after an upgrade (new jars: no valid class-data archive yet)"));

    static List<Figure> run(Path work, Duration session, int runs, PrintStream progress) throws Exception {
        Path dir = Files.createDirectories(work.resolve("restart"));
        Path stopped = dir.resolve("session");
        progress.println("restart: the default fleet for " + Bench.human(session) + " simulated in a new JVM, stopped with positions open");
        ChildJvm.run(work.resolve("home"), List.of(), RestartProbe.class.getName(), List.of("--headless", "--speed", "max",
                "--duration", session.toHours() + "h", "--seed", "7", "--start", "2026-01-05", "--data-dir", stopped.toString()),
                dir.resolve("session.log"), 30);
        RestartBooks before = RestartBooks.read(stopped);
        if (before.positions().isEmpty()) {
            throw new IllegalStateException("no position is open after " + Bench.human(session) + ": nothing for a restart to keep");
        }
        progress.printf("  %d bots, %d open positions, %d fills, stopped at engine time %s%n", before.bots(),
                before.positions().size(), before.fills().size(), java.time.Instant.ofEpochMilli(before.engineTime()));
        String area = "restart to first tick, " + before.bots() + " bots";
        List<Figure> out = new ArrayList<>();
        out.add(Figure.info(area, "open positions when the session stopped (" + Bench.human(session) + " simulated, "
                + before.fills().size() + " fills)", Integer.toString(before.positions().size())));
        // one simulated minute more: the closes due at the stop, then the price loop, then a clean stop
        List<String> restart = List.of("--headless", "--speed", "max", "--duration", (session.toMinutes() + 1) + "m", "--data-dir");
        String firstTick = null;
        int kept = Integer.MAX_VALUE;
        int traded = 0;
        for (Kind kind : KINDS) {
            if (kind.name.equals("upgrade") && ChildJvm.fromClassFolders()) {
                // run from classes folders (the tests), no child maps an archive: an upgrade's start is the same as the other
                out.add(Figure.info(area, kind.what, "not measured: no class-data archive from classes folders"));
                continue;
            }
            Samples total = new Samples(), cpu = new Samples(), jvm = new Samples(), store = new Samples(), boot = new Samples(), tick = new Samples();
            for (int i = 0; i < runs; i++) {
                Path data = copy(stopped, dir.resolve(kind.name + "-" + i));
                Path home = kind.name.equals("same") ? work.resolve("home") : dir.resolve("home-" + kind.name + "-" + i);
                List<String> args = new ArrayList<>(restart);
                args.add(data.toString());
                Map<String, String> r = ChildJvm.run(home, List.of(), RestartProbe.class.getName(), args,
                        dir.resolve(kind.name + "-" + i + ".log"), 10);
                long launched = at(r, "launchedAtMs"), main = at(r, "mainAtMs"), opened = at(r, "storeOpenAtMs");
                long booted = at(r, "bootedAtMs"), ticked = at(r, "firstTickAtMs");
                total.add(ms(ticked - launched));
                cpu.add(ms(at(r, "firstTickCpuMs")));
                jvm.add(ms(main - launched));
                store.add(ms(opened - main));
                boot.add(ms(booted - opened));
                tick.add(ms(ticked - booted));
                RestartBooks.Check check = before.against(RestartBooks.read(data));
                if (!check.lost().isEmpty()) throw new IllegalStateException("the restart lost " + check.lost());
                kept = Math.min(kept, check.kept());
                traded = Math.max(traded, check.traded());
                firstTick = r.get("firstTickEngineTime") + " (" + r.get("firstTickBot") + ")";
                progress.printf("  %s %d: first tick %d ms after the process started (JVM %d, store %d, boot %d, tick %d; CPU %d); "
                                + "%d of %d positions kept, %d bots traded, nothing lost%n", kind.name, i + 1, ticked - launched,
                        main - launched, opened - main, booted - opened, ticked - booted, at(r, "firstTickCpuMs"), check.kept(),
                        before.positions().size(), check.traded());
            }
            out.add(Figure.info(area, kind.what + ": process start to the first tick, median / max of " + runs
                    + (runs == 1 ? " run" : " runs"), seconds(total.quantile(0.5)) + " / " + seconds(total.max())));
            out.add(Figure.info(area, "  of which (medians): the JVM's start / the app to its store open / the engine's boot "
                    + "(fleet loaded, orders settled, books reconciled) / boot to the first tick", seconds(jvm.quantile(0.5))
                    + " / " + seconds(store.quantile(0.5)) + " / " + seconds(boot.quantile(0.5)) + " / " + seconds(tick.quantile(0.5))));
            out.add(Figure.info(area, "  CPU time of the process until the first tick, every thread (the JIT's and the "
                    + "collector's too), median", seconds(cpu.quantile(0.5))));
        }
        out.add(Figure.info(area, "the first tick after the restart: engine time (bot)", firstTick));
        out.add(Figure.info(area, "positions after every restart: open before and kept the same / bots that traded in the "
                + "restarted minute / lost", kept + " of " + before.positions().size() + " / " + traded + " / 0"));
        return out;
    }

    /** A copy of the stopped session's folder, its log left behind (each run keeps its own). */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(p -> !from.relativize(p).startsWith("logs")).forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static long at(Map<String, String> r, String key) {
        long v = Long.parseLong(r.getOrDefault(key, "0"));
        if (v == 0) throw new IllegalStateException("the restarted app never reached " + key + ": " + r);
        return v;
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    private static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }
}
