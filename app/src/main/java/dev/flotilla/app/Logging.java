package dev.flotilla.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the rolling log file into the data folder, at INFO or DEBUG. */
public final class Logging {
    private Logging() {
    }

    /** Where {@link #init} has the log written: {@code dataDir/logs/flotilla.log}. */
    public static Path file(Path dataDir) {
        return dataDir.resolve("logs").resolve("flotilla.log");
    }

    /** The log goes to {@link #file} from here on. */
    public static void init(Path dataDir, boolean debug) {
        System.setProperty("flotilla.logDir", dataDir.resolve("logs").toAbsolutePath().toString());
        System.setProperty("flotilla.logLevel", debug ? "DEBUG" : "INFO");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // logback may already be configured (an earlier run in the same JVM): configure it again for this folder
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            URL config = Logging.class.getResource("/flotilla/logback.xml");
            if (config == null) return;
            ctx.reset();
            JoranConfigurator jc = new JoranConfigurator();
            jc.setContext(ctx);
            try {
                jc.doConfigure(config);
            } catch (Exception e) {
                System.err.println("flotilla: logging could not be set up: " + e.getMessage());
            }
        }
    }
}
