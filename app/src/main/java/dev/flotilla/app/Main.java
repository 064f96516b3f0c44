package dev.flotilla.app;

import java.io.PrintStream;
import picocli.CommandLine;

/** Entry point of the flotilla command and of the desktop app. */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        makeClassDataArchiveFolder();
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The installed app's JVM writes a class-data archive when it exits and fails at exit if the archive's folder is
     * missing, so the folder the launcher names (jpackage/linux/app-image.args: -Dflotilla.archiveDir) is made first.
     */
    static void makeClassDataArchiveFolder() {
        String folder = System.getProperty("flotilla.archiveDir");
        if (folder == null || folder.isBlank()) return;
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
        } catch (java.io.IOException | RuntimeException e) {
            // no archive then: every start takes the time a first start takes
        }
    }

    /** Runs Flotilla with a command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("history")) {
            return HistoryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("sweep")) {
            return SweepCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("fleet")) {
            return FleetCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.in, out, err);
        }
        if (args.length > 0 && args[0].equals("report")) {
            return ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("export")) {
            return ExportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("node")) {
            return NodeCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("backtest")) {
            return BacktestCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (parsed.isUsageHelpRequested()) {
                cli.usage(out);
                return OK;
            }
            if (parsed.isVersionHelpRequested()) {
                cli.printVersionHelp(out);
                return OK;
            }
        } catch (CommandLine.ParameterException e) {
            err.println("flotilla: " + e.getMessage() + " (see --help for the allowed options)");
            return USAGE;
        }
        try {
            Settings settings = Settings.from(options);
            return new Launcher(settings, out, err).run();
        } catch (UsageException e) {
            err.println("flotilla: " + e.getMessage());
            return USAGE;
        }
    }
}
