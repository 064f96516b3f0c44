package dev.flotilla.app;

import dev.flotilla.engine.boot.FleetSeeder;
import dev.flotilla.engine.config.EngineConfig;
import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.execution.paper.PaperBroker;
import dev.flotilla.engine.market.sandbox.SandboxMarket;
import dev.flotilla.engine.model.BotSpec;
import dev.flotilla.engine.node.ClusterKillSwitch;
import dev.flotilla.engine.node.NodeOptions;
import dev.flotilla.engine.node.NodeRuntime;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.store.StoreLocation;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla node}: a headless engine node of a fleet several nodes share on one PostgreSQL database (issue 17).
 * It sets up a database that has no fleet yet (the built-in one, or {@code --fleet}), then holds bot leases and runs
 * the bots it holds until stopped; a SIGTERM gives the leases back so other nodes take the bots at once.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run a headless engine node of a fleet shared by several nodes on one PostgreSQL database.")
final class NodeCommand {

    @Option(names = "--db", required = true, paramLabel = "URL", description = "The cluster's PostgreSQL database: postgresql://host:port/database?user=NAME&password=SECRET (or the password in FLOTILLA_DB_PASSWORD).")
    String db;

    @Option(names = "--name", paramLabel = "NAME", description = "The node's name in the lease table: letters, digits, _ . : - (default: host name and process id).")
    String name;

    @Option(names = "--market", paramLabel = "sandbox", description = "Where prices come from; engine nodes trade the sandbox for now (default).")
    String market;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the sandbox market (a database without a fleet only; default: random).")
    String seed;

    @Option(names = "--speed", paramLabel = "N|max", description = "Sandbox engine seconds per wall second: 1 to 100000, or max (default: 60).")
    String speed;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "The UTC day a new fleet's engine clock starts at (default: today).")
    String start;

    @Option(names = "--duration", paramLabel = "D", description = "The bots stop at this much engine time after the fleet's first start (e.g. 6h, 1d); the node keeps its leases until stopped.")
    String duration;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file a database without a fleet is set up with (default: the built-in 45 bots).")
    Path fleet;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the node's log file (default: the log goes to the terminal).")
    Path dataDir;

    @Option(names = "--lease-ttl", paramLabel = "D", description = "How long a lease lasts after a heartbeat, e.g. 20s or 1500ms (default: 20s).")
    String ttl;

    @Option(names = "--heartbeat", paramLabel = "D", description = "How often the node heartbeats its leases and looks for free bots (default: 5s).")
    String beat;

    @Option(names = "--kill-switch", paramLabel = "on|flatten|off", description = "Sets the cluster's kill switch for every node (flatten also closes every open position) and exits; no node is started.")
    String killSwitch;

    private NodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        NodeCommand c = new NodeCommand();
        return RunOptions.parseAndRun("node", c, args, err, () -> c.run(out, err));
    }

    private int run(PrintStream out, PrintStream err) {
        if (market != null && !market.trim().equalsIgnoreCase("sandbox")) {
            throw new UsageException("--market: engine nodes trade the sandbox for now; Binance data needs one weight budget for the cluster");
        }
        StoreLocation where = Settings.store(db, Path.of("."), System.getenv("FLOTILLA_DB_PASSWORD"));
        if (!(where instanceof StoreLocation.Server)) throw new UsageException("--db: a node needs a postgresql:// address");
        String me = name != null ? name : hostName() + "-" + ProcessHandle.current().pid();
        if (killSwitch != null) return requestKillSwitch(where, me, out, err);
        double s = Settings.speed(speed);
        Long seedAsked = Settings.seed(seed);
        Duration until = Settings.duration(duration);
        Duration leaseTtl = span("--lease-ttl", ttl, NodeOptions.TTL);
        Duration heartbeat = span("--heartbeat", beat, NodeOptions.BEAT);
        if (heartbeat.compareTo(leaseTtl) >= 0) {
            throw new UsageException("--heartbeat: must come well within the lease's ttl (" + leaseTtl.toMillis() + " ms), got " + heartbeat.toMillis() + " ms");
        }
        if (dataDir != null) Logging.init(dataDir, false);
        EngineConfig config = EngineConfig.defaults().withSpeed(s);
        long wallNow = System.currentTimeMillis();
        Long startDay = Settings.date("--start", start);
        long freshStart = startDay != null ? startDay : config.simulated() ? Math.floorDiv(wallNow, 86_400_000L) * 86_400_000L
                : Math.floorDiv(wallNow, 60_000L) * 60_000L;
        try {
            setUp(where, freshStart, seedAsked, out);
            try (Store store = new Store(Database.openNode(where, me))) {
                Map<String, String> stored = store.settings();
                long seedUsed = Long.parseLong(stored.get(EngineSettings.SANDBOX_SEED));
                if (seedAsked != null && seedAsked != seedUsed) {
                    throw new UsageException("--seed: the cluster's sandbox has seed " + seedUsed + "; a node cannot change it");
                }
                long origin = Long.parseLong(stored.get(EngineSettings.SANDBOX_ORIGIN));
                long fleetStart = Long.parseLong(stored.get(EngineSettings.ENGINE_START));
                NodeOptions options = new NodeOptions(me, leaseTtl, heartbeat, Integer.MAX_VALUE, config,
                        "SANDBOX " + config.speedLabel() + " node " + me, fleetStart, until == null ? null : fleetStart + until.toMillis());
                NodeRuntime node = new NodeRuntime(store, c -> new SandboxMarket(seedUsed, origin, c),
                        () -> new PaperBroker(store, new BigDecimal("5"), new BigDecimal("0.001")), StrategyRegistry.builtin(), options);
                return serve(node, out);
            }
        } catch (StoreException | IllegalArgumentException e) {
            err.println("flotilla node: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }

    /** {@code --kill-switch}: the request stored for every node (as a node of its own, which holds no bot). */
    private int requestKillSwitch(StoreLocation where, String me, PrintStream out, PrintStream err) {
        ClusterKillSwitch.State state;
        try {
            state = ClusterKillSwitch.parse(killSwitch);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (Store store = new Store(Database.openNode(where, me))) {
            ClusterKillSwitch.Request r = ClusterKillSwitch.request(store, state);
            out.println("flotilla node: kill switch " + state.name().toLowerCase(java.util.Locale.ROOT) + " asked of every node"
                    + " (request " + r.seq() + "); each applies it at its next heartbeat");
            return Main.OK;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("flotilla node: " + e.getMessage());
            return Main.FAILED;
        }
    }

    /** Runs the node until it is stopped (SIGTERM, Ctrl+C: the leases given back) or fails (they lapse). */
    private static int serve(NodeRuntime node, PrintStream out) throws InterruptedException {
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        node.start();
        out.println("node " + node.name() + " started");
        out.flush();
        int heldBefore = -1;
        while (!node.awaitTermination(1_000)) {
            int held = node.held().size();
            if (held != heldBefore) {
                out.println("node " + node.name() + ": holds " + held + " bot(s)");
                out.flush();
                heldBefore = held;
            }
        }
        if (node.failure() == null) return Main.OK;
        out.println("node " + node.name() + " failed: " + node.failure().getMessage());
        return Main.FAILED;
    }

    /**
     * A database with no fleet gets the sandbox's facts and the fleet in one transaction, as the app sets up a new data
     * folder, and its leases; opened alone for that, so no node runs beside it meanwhile.
     */
    private void setUp(StoreLocation where, long freshStart, Long seedAsked, PrintStream out) {
        if (Database.peekSetting(where, EngineSettings.SANDBOX_SEED).isPresent()) return;
        StrategyRegistry registry = StrategyRegistry.builtin();
        List<BotSpec> bots = Launcher.readFleet(fleet, registry);
        try (Store app = new Store(Database.open(where))) {
            if (app.setting(EngineSettings.SANDBOX_SEED).isPresent()) return;
            long seedUsed = seedAsked != null ? seedAsked : ThreadLocalRandom.current().nextLong(1, 1_000_000);
            boolean fresh = app.bots().isEmpty();
            app.write(tx -> {
                tx.setting(EngineSettings.ENGINE_START, Long.toString(freshStart));
                tx.setting(EngineSettings.SANDBOX_SEED, Long.toString(seedUsed));
                tx.setting(EngineSettings.SANDBOX_ORIGIN, Long.toString(freshStart - Launcher.SANDBOX_HISTORY));
                if (fresh) FleetSeeder.seed(tx, bots, freshStart);
            });
            new LeaseStore(app).register();
            out.println("set up the cluster's database: " + app.bots().size() + " bots, sandbox seed " + seedUsed);
        }
    }

    /** A span like 20s or 1500ms. */
    static Duration span(String option, String s, Duration otherwise) {
        if (s == null) return otherwise;
        var m = java.util.regex.Pattern.compile("(\\d{1,7})(ms|s)").matcher(s.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(option + ": must be a positive number followed by s or ms (e.g. 20s, 1500ms), got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.:-]", "-");
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}
