package dev.flotilla.bench;

import dev.flotilla.app.Main;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The app as a user starts it, with its window (on JavaFX's headless platform here), in a JVM of its own: the time
 * from the JVM's start until the window's first frame, taken at the end of the first layout pass after the window
 * shows (what is drawn next). Then the process ends; the parent reads the last line.
 */
public final class StartupProbe {

    static final String PREFIX = "startup-probe:";

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Thread.ofPlatform().daemon().name("app").start(() -> Main.run(args, quiet, System.err));
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong firstFrame = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (painted.getCount() > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no window within a minute");
            try {
                Platform.runLater(() -> watch(painted, firstFrame));
            } catch (IllegalStateException toolkitNotUpYet) {
                // the app has not started JavaFX yet
            }
            painted.await(5, TimeUnit.MILLISECONDS);
        }
        ChildJvm.report(PREFIX, "firstFrameMs=" + (firstFrame.get() - jvmStart));
        Runtime.getRuntime().halt(0);  // the app's shutdown hook would wait for a store the running window still holds
    }

    /** On the FX thread: once a window shows, the end of its next layout pass is the first frame. */
    private static void watch(CountDownLatch painted, AtomicLong firstFrame) {
        for (Window w : Window.getWindows()) {
            Scene scene = w.getScene();
            if (!w.isShowing() || scene == null || w.getProperties().containsKey(PREFIX)) continue;
            w.getProperties().put(PREFIX, true);
            scene.addPostLayoutPulseListener(() -> {
                if (firstFrame.compareAndSet(0, System.currentTimeMillis())) painted.countDown();
            });
            Platform.requestNextPulse();
        }
    }
}
