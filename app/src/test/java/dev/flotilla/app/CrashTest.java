package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills Flotilla with SIGKILL at random moments, restarts it on the same folder, and checks the books after
 * every round; at the end its trades must equal those of an uninterrupted run. Rounds: 20, or
 * -Dflotilla.crashRounds=N; the moments of the kills come from -Dflotilla.crashSeed (2026 unless given). About 120
 * rounds finish the 4-day run, and the rounds stop where the run ends: give many rounds a longer run, -Dflotilla.crashDays. -Dflotilla.crashKeep=DIR
 * copies the uninterrupted and the crashed data folders there before the trades are compared.
 */
class CrashTest {

    /** Long runs of many rounds need a longer run to kill: -Dflotilla.crashDays (4 unless given). */
    static final String[] RUN = {"--speed", "max", "--seed", "7", "--start", "2026-01-05", "--duration",
            Integer.getInteger("flotilla.crashDays", 4) + "d"};

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsItLosesAndDuplicatesNothing() throws Exception {
        int rounds = Integer.getInteger("flotilla.crashRounds", 20);
        Path reference = dir.resolve("reference");
        Process whole = ChildProcess.start(reference, dir.resolve("reference.out"), RUN);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(dir.resolve("reference.out"))).isZero();
        List<Books.Trade> expected = Books.trades(reference);
        assertThat(expected).hasSizeGreaterThan(100);

        Path data = dir.resolve("crashed");
        long seed = Long.getLong("flotilla.crashSeed", 2026);
        Random random = new Random(seed);
        int killedMidRun = 0;
        long lastFills = 0;
        StringBuilder progress = new StringBuilder();
        int roundsThatTraded = 0;
        // how long a round may trade before it is killed: after a round in which nothing traded (a slow or busy
        // machine), the next one is given twice as long, so the kills keep landing while the fleet trades
        int window = 2_000;
        for (int round = 0; round < rounds; round++) {
            Path out = dir.resolve("round-" + round + ".out");
            Process p = ChildProcess.start(data, out, RUN);
            // one round in four dies while starting up; the others while trading, once the engine has booted
            boolean duringStartup = random.nextInt(4) == 0;
            if (!duringStartup) awaitBooted(p, out);
            boolean ended = p.waitFor(random.nextInt(duringStartup ? 1_500 : window), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();  // SIGKILL: no shutdown hook, no clean close
                p.waitFor(30, TimeUnit.SECONDS);
                killedMidRun++;
            } else {
                assertThat(p.exitValue()).as(Files.readString(out)).isZero();
            }
            long fills = Books.check(data);
            assertThat(fills).as("round " + round).isGreaterThanOrEqualTo(lastFills);
            if (fills > lastFills) {
                roundsThatTraded++;
                window = 2_000;
            } else if (!duringStartup) {
                window = Math.min(window * 2, 16_000);
            }
            lastFills = fills;
            progress.append(fills).append(' ');
            if (ended) {  // the run reached its end: further rounds would only restart a finished run
                rounds = round + 1;
                break;
            }
        }
        assertThat(roundsThatTraded).as("rounds killed after trading had moved on: " + progress).isGreaterThanOrEqualTo(rounds / 3);
        Path out = dir.resolve("final.out");
        Process last = ChildProcess.start(data, out, RUN);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(out)).isZero();
        Books.check(data);
        String keep = System.getProperty("flotilla.crashKeep");
        if (keep != null) {  // keeps both folders to compare them after a failure
            copyTree(reference, Path.of(keep).resolve("reference"));
            copyTree(data, Path.of(keep).resolve("crashed"));
        }
        assertThat(Books.trades(data)).as("trades after %d rounds, seed %d; %s", rounds, seed, firstDifferentSizing(reference, data))
                .isEqualTo(expected);
        assertThat(killedMidRun).as("rounds that were really killed mid-run").isGreaterThan(rounds / 2);
        System.out.printf("crash test: %d rounds (seed %d), %d killed mid-run, fills after each round: %s; %d trades equal to"
                + " the uninterrupted run%n", rounds, seed, killedMidRun, progress.toString().trim(), expected.size());
    }

    /** The first filled entry whose stored sizing inputs differ between the two folders, both rows; or "same sizings". */
    private static String firstDifferentSizing(Path reference, Path crashed) throws java.sql.SQLException {
        List<String> want = Books.entrySizings(reference);
        List<String> got = Books.entrySizings(crashed);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                return "first entry sized differently, #" + i + ":\n  uninterrupted " + want.get(i) + "\n  crashed       " + got.get(i);
            }
        }
        return want.size() == got.size() ? "same sizings" : "sizings: " + want.size() + " vs " + got.size();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Waits until the child has booted its engine (it prints its first line then). */
    private static void awaitBooted(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("Flotilla:")) return;
            Thread.sleep(20);
        }
    }

    @Test
    void sigtermFinishesTheTickClosesTheStoreAndTheNextStartNeedsNoRecovery() throws Exception {
        Path data = dir.resolve("term");
        Path out = dir.resolve("term.out");
        Process p = ChildProcess.start(data, out, "--speed", "max", "--seed", "3", "--start", "2026-01-05", "--duration", "60d");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !(Files.exists(out) && Files.readString(out).contains("Flotilla:"))) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000);  // let it trade for a while
        p.destroy();  // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(printed).contains("Flotilla:");
        String log = Files.readString(data.resolve("logs").resolve("flotilla.log"));
        assertThat(log).contains("stopped cleanly").contains("store closed");
        // closed cleanly: the write-ahead log was folded back and no order is left PENDING
        Path wal = data.resolve("flotilla.db-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL emptied").isTrue();
        Books.check(data);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("flotilla.db"));
             var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM orders WHERE status = 'PENDING'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
