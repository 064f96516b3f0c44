package dev.flotilla.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.flotilla.app.Main;
import dev.flotilla.engine.event.EventType;
import dev.flotilla.engine.kernel.Engine;
import dev.flotilla.engine.store.Database;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The app's own command line in a JVM of its own, noting when the start reaches each step: the store open, the
 * engine booted (fleet loaded, orders a stop left pending settled, books reconciled) and the first tick the engine
 * completes. The steps are seen where the app logs them: a logback turbo filter sees every call of a logger, those
 * below the log's level included, so it sees the engine's TICK_COMPLETED event (a debug line, written once the tick is
 * committed) without the app logging anything more. It lets every call through unchanged. The app runs to its end;
 * the parent reads the report.
 */
public final class RestartProbe {

    static final String PREFIX = "restart-probe:";

    private RestartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Steps steps = Steps.watch();
        int status = Main.run(args, System.out, System.err);
        ChildJvm.report(PREFIX, "status=" + status + " jvmStartAtMs=" + jvmStart + " mainAtMs=" + mainAt
                + " storeOpenAtMs=" + steps.storeOpen + " bootedAtMs=" + steps.booted + " firstTickAtMs=" + steps.firstTick
                + " firstTickCpuMs=" + steps.firstTickCpuMs + " firstTickEngineTime=" + steps.firstTickEngineTime + " firstTickBot=" + steps.firstTickBot);
        System.exit(status);
    }

    /** The wall-clock instants (epoch ms) at which the app logged each step; 0 until it has. */
    static final class Steps extends TurboFilter {

        private static final String STORE = Database.class.getName();
        private static final String ENGINE = Engine.class.getName();
        private static final String EVENTS = "flotilla.events";

        volatile long storeOpen;
        volatile long booted;
        volatile long firstTick;
        /** The CPU time of the whole process (every thread: the JIT's and the collector's too) at the first tick. */
        volatile long firstTickCpuMs;
        volatile String firstTickEngineTime = "none";
        volatile String firstTickBot = "none";

        /** Installs the filter, and again after every reset of logging (the app configures it once its folder is known). */
        static Steps watch() {
            Steps steps = new Steps();
            steps.start();
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            ctx.addTurboFilter(steps);
            ctx.addListener(new LoggerContextListener() {
                @Override
                public boolean isResetResistant() {
                    return true;
                }

                @Override
                public void onReset(LoggerContext context) {
                    context.addTurboFilter(steps);  // a reset removes every turbo filter just before it says so
                }

                @Override
                public void onStart(LoggerContext context) {
                }

                @Override
                public void onStop(LoggerContext context) {
                }

                @Override
                public void onLevelChange(Logger logger, Level level) {
                }
            });
            return steps;
        }

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (format == null || logger == null) return FilterReply.NEUTRAL;
            String name = logger.getName();
            if (firstTick == 0 && name.equals(EVENTS) && params != null && params.length > 2
                    && params[1] == EventType.TICK_COMPLETED) {
                firstTickEngineTime = String.valueOf(params[0]);
                firstTickBot = String.valueOf(params[2]);
                firstTick = System.currentTimeMillis();
                // read after the instant was taken: the bean's first use costs a little
                firstTickCpuMs = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
            } else if (storeOpen == 0 && name.equals(STORE) && format.startsWith("store open")) {
                storeOpen = System.currentTimeMillis();
            } else if (booted == 0 && name.equals(ENGINE) && format.startsWith("engine ready")) {
                booted = System.currentTimeMillis();
            }
            return FilterReply.NEUTRAL;
        }
    }
}
