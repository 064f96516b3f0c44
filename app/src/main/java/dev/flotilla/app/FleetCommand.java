package dev.flotilla.app;

import dev.flotilla.engine.api.FleetPlan;
import dev.flotilla.engine.api.FleetRefusedException;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.store.Database;
import dev.flotilla.engine.store.Store;
import dev.flotilla.engine.store.StoreException;
import dev.flotilla.engine.strategy.StrategyRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla fleet apply FILE}: a fleet file applied to a data folder's fleet, its plan printed first. When an app
 * holds the folder, the request goes through the folder's inbox and that app's engine plans and applies it; otherwise
 * (a sandbox folder) this command takes the folder's lock, boots the same engine without running it and applies the
 * plan itself. Either way the plan and the apply are the engine's ({@code FleetImport}), never a second copy.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, description = "The fleet of a data folder.",
        subcommands = FleetCommand.Apply.class)
final class FleetCommand {

    /** How long the command waits for the running app's answer (a request left longer stays queued). */
    static final long WAIT_MS = Long.getLong("flotilla.inboxWaitMs", 30_000);

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Show what a fleet file adds, changes and removes in the fleet, then apply it (to the running app "
                    + "on the folder if there is one). A file that breaks a rule changes nothing.")
    static final class Apply {
        @Parameters(paramLabel = "FILE", description = "The fleet file (JSON, as resources/fleet.json).")
        Path file;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The data folder (default: the per-user one).")
        Path dataDir;

        @Option(names = "--dry-run", description = "Print the plan only; change nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Apply without asking (the plan applied is printed).")
        boolean yes;
    }

    /** An answer of the engine, here or in the running app: planned, applied, refused or failed, its text and fingerprint. */
    record Answer(String status, String text, String fingerprint, boolean empty) {
        static Answer of(Properties p) {
            return new Answer(p.getProperty(FleetInbox.STATUS), p.getProperty(FleetInbox.TEXT, ""),
                    p.getProperty(FleetInbox.FINGERPRINT), Boolean.parseBoolean(p.getProperty(FleetInbox.EMPTY)));
        }

        boolean ok() {
            return status.equals("planned") || status.equals("applied");
        }
    }

    /** Where the engine is: the running app (through its inbox), or one booted here. */
    interface Target {
        Optional<Answer> plan(String json) throws IOException, InterruptedException;

        Optional<Answer> apply(String json, String expect) throws IOException, InterruptedException;
    }

    private FleetCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new FleetCommand());
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("flotilla fleet: " + e.getMessage() + " (see flotilla fleet apply --help)");
            return Main.USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) return Main.OK;
        if (!parsed.hasSubcommand()) {
            err.println("flotilla fleet: say what to do: apply FILE (see flotilla fleet apply --help)");
            return Main.USAGE;
        }
        Apply a = (Apply) parsed.subcommand().commandSpec().commandLine().getCommand();
        Path dataDir = a.dataDir != null ? a.dataDir : DataFolder.defaultDir();
        String json;
        try {
            json = Files.readString(a.file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("flotilla fleet apply: cannot read " + a.file + ": " + (Files.exists(a.file) ? e.getMessage() : "no such file"));
            return Main.USAGE;
        }
        if (!Files.exists(dataDir.resolve(Database.FILE_NAME))) {
            err.println("flotilla fleet apply: there is no Flotilla data in " + dataDir + "; start Flotilla on it first (--fleet "
                    + "gives a new folder its first fleet), or name the folder with --data-dir");
            return Main.USAGE;
        }
        try {
            Optional<FolderLock> lock = FolderLock.tryTake(dataDir);
            if (lock.isEmpty()) {
                out.println("fleet file " + a.file + " for the running Flotilla on " + dataDir + " (" + FolderLock.holder(dataDir) + "):");
                return flow(a, json, new Remote(dataDir, a.file), in, out, err);
            }
            try (FolderLock held = lock.get()) {
                return stopped(a, json, dataDir, in, out, err);
            }
        } catch (IOException | StoreException e) {
            err.println("flotilla fleet apply: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }

    /** No app holds the folder: a sandbox folder is changed here; a Binance one waits in the inbox for its next start. */
    private static int stopped(Apply a, String json, Path dataDir, InputStream in, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        if (!"sandbox".equals(DataFolder.storedMarket(dataDir).orElse("sandbox"))) {
            if (!a.yes || a.dryRun) {
                err.println("flotilla fleet apply: Flotilla is not running on " + dataDir + ", a Binance data folder, and its plan "
                        + "needs the running app; start it and run this again, or add --yes to leave the file in the folder's "
                        + "inbox for the next start (it is applied then if it breaks no rule); nothing was changed");
                return Main.FAILED;
            }
            String id = Remote.drop(dataDir, a.file, FleetInbox.APPLY, json, null);
            out.println("queued: Flotilla is not running on " + dataDir + "; the fleet file is applied (or refused) when it next "
                    + "starts, and the result is written to " + FleetInbox.folder(dataDir).resolve(id + FleetInbox.RESULT));
            return Main.FAILED;
        }
        Logging.init(dataDir, false);
        try (Store store = new Store(Database.open(dataDir))) {
            Engine engine = SandboxEngine.stopped(store, StrategyRegistry.builtin(), dataDir, out).orElse(null);
            if (engine == null) {
                err.println("flotilla fleet apply: the data folder " + dataDir + " has not started yet; start Flotilla on it first");
                return Main.USAGE;
            }
            try {
                out.println("fleet file " + a.file + " for the data folder " + dataDir + " (Flotilla is not running on it):");
                return flow(a, json, new Local(engine), in, out, err);
            } finally {
                engine.events().close();
            }
        }
    }

    /** Plan, ask, apply: the same steps whichever engine answers. */
    static int flow(Apply a, String json, Target target, InputStream in, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        if (a.yes && !a.dryRun) return applied(target.apply(json, null), out, err);
        Optional<Answer> plan = target.plan(json);
        if (plan.isEmpty()) {
            err.println("flotilla fleet apply: the running Flotilla did not answer within " + WAIT_MS / 1000 + " s; nothing was changed");
            return Main.FAILED;
        }
        if (!plan.get().ok()) return refused(plan.get(), err);
        plan.get().text().lines().forEach(l -> out.println("  " + l));
        if (a.dryRun) return Main.OK;
        if (plan.get().empty()) return Main.OK;
        out.print("Apply these changes to the fleet? [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
            out.println("nothing was applied");
            return Main.FAILED;
        }
        return applied(target.apply(json, plan.get().fingerprint()), out, err);
    }

    private static int applied(Optional<Answer> answer, PrintStream out, PrintStream err) {
        if (answer.isEmpty()) {
            err.println("flotilla fleet apply: still queued: the running Flotilla has not taken the file within "
                    + WAIT_MS / 1000 + " s; it applies it (or refuses it) when it gets to it");
            return Main.FAILED;
        }
        if (!answer.get().ok()) return refused(answer.get(), err);
        out.println("applied:");
        answer.get().text().lines().forEach(l -> out.println("  " + l));
        return Main.OK;
    }

    private static int refused(Answer a, PrintStream err) {
        err.println("flotilla fleet apply: " + a.text());
        return Main.FAILED;
    }

    /** The engine of the app that holds the folder, through its inbox. */
    record Remote(Path dataDir, Path file) implements Target {
        static String drop(Path dataDir, Path file, String kind, String json, String expect) throws IOException {
            Properties p = new Properties();
            p.setProperty(FleetInbox.KIND, kind);
            p.setProperty(FleetInbox.FILE, file.toString());
            p.setProperty(FleetInbox.FLEET, json);
            if (expect != null) p.setProperty(FleetInbox.EXPECT, expect);
            String id = FleetInbox.newId();
            FleetInbox.write(FleetInbox.folder(dataDir).resolve(id + FleetInbox.REQUEST), p);
            return id;
        }

        @Override
        public Optional<Answer> plan(String json) throws IOException, InterruptedException {
            String id = drop(dataDir, file, FleetInbox.PLAN, json, null);
            Optional<Properties> r = FleetInbox.awaitResult(dataDir, id, WAIT_MS);
            if (r.isEmpty()) Files.deleteIfExists(FleetInbox.folder(dataDir).resolve(id + FleetInbox.REQUEST));  // a plan no one waits for
            return r.map(Answer::of);
        }

        @Override
        public Optional<Answer> apply(String json, String expect) throws IOException, InterruptedException {
            return FleetInbox.awaitResult(dataDir, drop(dataDir, file, FleetInbox.APPLY, json, expect), WAIT_MS).map(Answer::of);
        }
    }

    /** An engine booted here on a stopped folder, not running: its commands run at once in this thread. */
    record Local(Engine engine) implements Target {
        @Override
        public Optional<Answer> plan(String json) {
            return Optional.of(answer("planned", () -> engine.fleetImport().plan(json).join()));
        }

        @Override
        public Optional<Answer> apply(String json, String expect) {
            return Optional.of(answer("applied", () -> engine.fleetImport().apply(json, expect).join()));
        }

        private static Answer answer(String status, java.util.function.Supplier<FleetPlan> work) {
            try {
                FleetPlan p = work.get();
                return new Answer(status, String.join("\n", p.lines()), p.fingerprint(), p.empty());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return new Answer(cause instanceof FleetRefusedException ? "refused" : "failed", cause.getMessage(), null, false);
            }
        }
    }
}
