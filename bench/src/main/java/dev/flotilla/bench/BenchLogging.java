package dev.flotilla.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logs as the app does (its own logback.xml: INFO to a rolling file, errors to stderr), into the benchmark's work
 * folder, so the engine does the logging work it does in the app. The fake Binance's jar carries a test logging
 * configuration that would otherwise win.
 */
final class BenchLogging {

    private BenchLogging() {
    }

    static void init(Path dir) {
        System.setProperty("flotilla.logDir", dir.toAbsolutePath().toString());
        System.setProperty("flotilla.logLevel", "INFO");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
        URL config = BenchLogging.class.getResource("/logback.xml");
        if (config == null) return;
        ctx.reset();
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(ctx);
        try {
            jc.doConfigure(config);
        } catch (Exception e) {
            System.err.println("flotilla-bench: logging could not be set up: " + e.getMessage());
        }
    }
}
