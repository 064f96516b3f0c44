package dev.flotilla.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.market.binance.FakeBinance;
import dev.flotilla.engine.market.binance.FakeBinanceAccount;
import dev.flotilla.engine.store.Database;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test with the live broker: {@link LiveCrashChild} trades the sandbox at full speed and sends its orders to
 * one local Binance that outlives every round. Most rounds SIGKILL it at a random moment; some kill it between accept
 * and record (Binance holds the market order open, the child is killed, then Binance fills it); some make the running
 * child find its own order by its client id (a 503 after booking, a reply that comes too late). After every round:
 * the books add up, no client order id reached Binance twice, every order Binance filled is FILLED in the store with
 * one fill once a start has settled it, and nothing FILLED in the store is unknown to Binance. Moments and the order of
 * the rounds come from -Dflotilla.crashSeed (2026 unless given). The rounds' runs would last a year, so that none ends
 * before it is killed however fast the machine; the last run goes on to the end of the day after the one the rounds
 * reached and must exit 0.
 */
class LiveCrashTest {

    static final int ROUND_DAYS = 365;

    enum Kind { RANDOM, HELD, BOOKED_THEN_503, HANG }

    @TempDir
    Path dir;

    FakeBinance fake;
    Path data;
    /** Orders Binance executed that the store still had PENDING at the last check: the next start must book them. */
    Set<String> owed = new HashSet<>();
    int settledAtStart;

    @BeforeEach
    void binance() throws IOException {
        long now = System.currentTimeMillis();
        fake = new FakeBinance(System::currentTimeMillis, 11, now - 20L * 86_400_000);
        fake.apiKey(LiveCrashChild.KEY, LiveCrashChild.SECRET).permissions(true, false).balance("USDT", "10000000");
        data = dir.resolve("live");
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void killedAnywhereEvenBetweenAcceptAndRecordItSendsNothingTwiceAndBooksEveryFillOnce() throws Exception {
        long began = System.nanoTime();
        long seed = Long.getLong("flotilla.crashSeed", 2026);
        Random random = new Random(seed);
        List<Kind> schedule = new ArrayList<>(Collections.nCopies(11, Kind.RANDOM));
        schedule.addAll(List.of(Kind.HELD, Kind.HELD, Kind.HELD, Kind.BOOKED_THEN_503, Kind.HANG));
        Collections.shuffle(schedule, random);
        int killed = 0, betweenAcceptAndRecord = 0, lookedUpByChild = 0, rounds = 0, heldRounds = 0;
        String heldOverStart = null;
        StringBuilder progress = new StringBuilder();
        for (Kind kind : schedule) {
            Path out = dir.resolve("round-" + rounds++ + ".out");
            Process p = start(out, ROUND_DAYS);
            boolean duringStartup = kind == Kind.RANDOM && random.nextInt(4) == 0 && heldOverStart == null;
            boolean booted = !duringStartup && awaitBooted(p, out);
            if (heldOverStart != null) {
                startsWhileBinanceStillWorksTheOrder(p, out, heldOverStart);
                heldOverStart = null;
            }
            if (booted) assertThat(owed).as("executed at Binance, settled by this start").allSatisfy(id -> assertFilled(id));
            settledAtStart += booted ? owed.size() : 0;
            if (booted) owed.clear();
            switch (kind) {
                case RANDOM -> p.waitFor(random.nextInt(duringStartup ? 1_500 : 2_500), TimeUnit.MILLISECONDS);
                case HELD -> {
                    fake.holdOrders(true);
                    assertThat(await(60_000, () -> !held().isEmpty() || !p.isAlive())).as("an order held by Binance").isTrue();
                    assertThat(p.isAlive()).as(Files.readString(out)).isTrue();
                }
                case BOOKED_THEN_503, HANG -> {
                    lookedUpByChild++;
                    faultedOrderLookedUpByTheRunningChild(p, out, kind);
                    p.waitFor(random.nextInt(1_500), TimeUnit.MILLISECONDS);
                }
            }
            assertThat(p.isAlive()).as("alive until killed: " + Files.readString(out)).isTrue();
            p.destroyForcibly();  // SIGKILL: no shutdown hook, no clean close
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            killed++;
            if (kind == Kind.HELD) {
                List<String> held = held();
                assertThat(held).hasSize(1);
                // accepted by Binance, killed before its fill was known: the store has it PENDING, without a fill
                assertThat(Books.orders(data).get(held.getFirst())).containsExactly("PENDING", null);
                betweenAcceptAndRecord++;
                fake.holdOrders(false);
                // Binance fills it while Flotilla is down; once, it is still working it when Flotilla starts again
                if (++heldRounds == 2) heldOverStart = held.getFirst();
                else fake.fillHeld();
            }
            progress.append(check()).append('@').append((System.nanoTime() - began) / 1_000_000_000).append("s ");
        }
        long finalRun = System.nanoTime();
        Path out = dir.resolve("final.out");
        long reached = Long.parseLong(Database.peekSetting(data, EngineSettings.ENGINE_TIME).orElseThrow());
        Process last = start(out, (int) ((reached - LiveCrashChild.START) / 86_400_000L) + 2);
        if (heldOverStart != null) {
            assertThat(awaitBooted(last, out)).as(Files.readString(out)).isTrue();
            startsWhileBinanceStillWorksTheOrder(last, out, heldOverStart);
        }
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(out)).isZero();
        assertThat(owed).as("executed at Binance, settled by the last start").allSatisfy(id -> assertFilled(id));
        settledAtStart += owed.size();
        owed.clear();
        long fills = check();
        assertThat(owed).as("left PENDING after the run's end").isEmpty();
        assertThat(Books.orders(data).values()).noneMatch(o -> o[0].equals("PENDING"));
        assertThat(executed()).as("every order Binance filled is FILLED in the store, and no other").hasSize((int) fills);
        assertThat(betweenAcceptAndRecord).isEqualTo(3);
        assertThat(killed).isEqualTo(rounds);
        // at least the two held orders Binance filled while Flotilla was down (the third it filled while Flotilla ran)
        assertThat(settledAtStart).as("fills booked at a start from Binance's record").isGreaterThanOrEqualTo(2);
        System.out.printf("live crash test: %d rounds (seed %d), %d killed, %d between accept and record, %d orders looked up by"
                        + " the running child, %d fills booked at a start; fills after each round: %s; %d fills, %d orders at"
                        + " Binance, %d s (the last run %d s)%n", rounds, seed, killed, betweenAcceptAndRecord, lookedUpByChild, settledAtStart,
                progress.toString().trim(), fills, fake.account().orders().size(), (System.nanoTime() - began) / 1_000_000_000,
                (System.nanoTime() - finalRun) / 1_000_000_000);
    }

    /**
     * A start while Binance still shows the order NEW: the engine boots, its bots wait without sending anything, and once
     * Binance has filled the order the running engine books it and trades on.
     */
    private void startsWhileBinanceStillWorksTheOrder(Process p, Path out, String id) throws Exception {
        assertThat(p.isAlive() && Files.readString(out).contains("Flotilla:")).as("booted with an order still NEW at Binance: "
                + Files.readString(out)).isTrue();
        int posts = orderPosts().size();
        Thread.sleep(2_000);
        assertThat(orderPosts()).as("nothing sent while an order is unsettled").hasSize(posts);
        assertThat(status(id)).isEqualTo("PENDING");
        fake.fillHeld();
        assertThat(await(30_000, () -> status(id).equals("FILLED"))).as(id + " booked once Binance filled it").isTrue();
        assertFilled(id);
        assertThat(await(30_000, () -> orderPosts().size() > posts)).as("trading on").isTrue();
        assertThat(fake.account().sent(id)).isEqualTo(1);
    }

    /**
     * The next order is booked by Binance and then answered with a 503, or answered only after the child's read timeout:
     * the child must find it by its client id and book its fill, while it runs, without sending it again.
     */
    private void faultedOrderLookedUpByTheRunningChild(Process p, Path out, Kind kind) throws Exception {
        int before = orderPosts().size();
        fake.nextOrder(kind == Kind.HANG ? new FakeBinance.Fault.Hang(LiveCrashChild.READ_TIMEOUT_MS + 3_000)
                : FakeBinance.bookedThen(503, -1007));
        assertThat(await(60_000, () -> orderPosts().size() > before || !p.isAlive())).isTrue();
        assertThat(p.isAlive()).as(Files.readString(out)).isTrue();
        String id = orderPosts().get(before).query().get("newClientOrderId");
        boolean atBinance = !fake.account().orders(id).isEmpty();
        String want = atBinance ? "FILLED" : "REJECTED";  // refused by Binance's checks: found nowhere, rejected
        assertThat(await(40_000, () -> status(id).equals(want))).as(id + " " + kind + " booked by the running child: "
                + status(id)).isTrue();
        assertThat(fake.account().sent(id)).as("times " + id + " was sent").isEqualTo(1);
        assertThat(fake.requests()).as("looked up by its client id").anyMatch(r -> r.method().equals("GET")
                && r.path().equals("/api/v3/order") && id.equals(r.query().get("origClientOrderId")));
    }

    /** The checks of a round; returns the store's fills. */
    private long check() throws Exception {
        Set<String> executed = executed();
        long fills = Books.check(data, executed);
        Map<String, String[]> store = Books.orders(data);
        for (FakeBinanceAccount.Order o : fake.account().orders()) {
            assertThat(store).as("an order at Binance the store never made").containsKey(o.clientOrderId());
        }
        for (String id : store.keySet()) assertThat(fake.account().sent(id)).as("times " + id + " was sent").isLessThanOrEqualTo(1);
        for (String id : executed) {
            String status = store.get(id)[0];
            assertThat(status).as(id + ", filled at Binance").isIn("FILLED", "PENDING");
            if (status.equals("PENDING")) owed.add(id);
            else assertFilled(id);
        }
        return fills;
    }

    /** FILLED in the store with one fill (Books.check: exactly one) at Binance's average price of that order. */
    private void assertFilled(String id) {
        String[] o;
        try {
            o = Books.orders(data).get(id);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(o).as(id).isNotNull();
        assertThat(o[0]).as(id).isEqualTo("FILLED");
        FakeBinanceAccount.Order at = fake.account().orders(id).getFirst();
        BigDecimal average = at.cummulativeQuoteQty().divide(at.executedQty(), 8, RoundingMode.HALF_EVEN);
        assertThat(new BigDecimal(o[1])).as(id + " fill price").isEqualByComparingTo(average);
    }

    private Set<String> executed() {
        Set<String> out = new HashSet<>();
        for (FakeBinanceAccount.Order o : fake.account().orders()) if (o.executedQty().signum() > 0) out.add(o.clientOrderId());
        return out;
    }

    private List<String> held() {
        return fake.account().orders().stream().filter(FakeBinanceAccount.Order::isOpen).map(FakeBinanceAccount.Order::clientOrderId)
                .toList();
    }

    private List<FakeBinance.Request> orderPosts() {
        return fake.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/order")).toList();
    }

    private String status(String id) {
        try {
            String[] o = Books.orders(data).get(id);
            return o == null ? "none" : o[0];
        } catch (java.sql.SQLException e) {
            return "unreadable";  // the child is writing: asked again
        }
    }

    private Process start(Path out, int days) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LiveCrashChild.class.getName(), data.toString(), fake.url(), Integer.toString(days))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Waits until the child has booted its engine (it prints its first line then); false if it did not. */
    private static boolean awaitBooted(Process p, Path out) throws Exception {
        return await(60_000, () -> {
            try {
                return Files.exists(out) && Files.readString(out).contains("Flotilla:");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static boolean await(long ms, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) return true;
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }
}
