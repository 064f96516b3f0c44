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
     * The installed app's JVM writes a class-data archive when it exits (jpackage/linux/app-image.args) and fails
     * at exit if the archive's folder is missing, so the folder is made first. Without such an option, nothing.
     */
    static void makeClassDataArchiveFolder() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            // with -XX:+AutoCreateSharedArchive and no archive yet, the JVM turns SharedArchiveFile into ArchiveClassesAtExit
            for (String option : new String[] {"SharedArchiveFile", "ArchiveClassesAtExit"}) {
                String file = vm.getVMOption(option).getValue();
                if (file == null || file.isBlank()) continue;
                java.nio.file.Path folder = java.nio.file.Path.of(file).toAbsolutePath().getParent();
                if (folder != null) java.nio.file.Files.createDirectories(folder);
            }
        } catch (Exception | LinkageError e) {
            // no archive then: every start takes the time a first start takes
        }
    }

    /** Runs Flotilla with a command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
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
