package dev.flotilla.engine.backtest;

import dev.flotilla.engine.api.BacktestApi;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A job's state, written by its thread and read by the console's. */
final class BackgroundJob implements BacktestApi.Job {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

    /** What a job does; it returns the ids of the runs it stored. */
    interface Work {
        List<Long> run() throws Exception;
    }

    private final String title;
    private final long started = System.nanoTime();
    final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile double progress;
    private volatile String where = "starting";
    private volatile boolean done;
    private volatile String error;
    private volatile List<Long> ids = List.of();

    BackgroundJob(String title) {
        this.title = title;
    }

    /** Runs the work on a thread of its own; the job ends done, cancelled or failed, never silently. */
    void start(Work work) {
        Thread.ofPlatform().name("backtest").daemon().start(() -> {
            try {
                finish(work.run(), null);
                log.info("{} done", title);
            } catch (Backtest.CancelledException e) {
                finish(List.of(), "cancelled");
            } catch (Exception e) {
                log.warn("{} failed", title, e);
                finish(List.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
    }

    void at(double share, String at) {
        progress = share;
        where = at;
    }

    void finish(List<Long> runIds, String why) {
        ids = List.copyOf(runIds);
        error = why;
        if (why == null) progress = 1;
        done = true;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public double progress() {
        return progress;
    }

    @Override
    public String status() {
        if (done) return error == null ? "done" : error;
        double p = progress;
        double elapsed = (System.nanoTime() - started) / 1e9;
        return p > 0.01 ? String.format(Locale.ROOT, "%s, about %.0f s left", where, elapsed * (1 - p) / p) : where;
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public List<Long> runIds() {
        return ids;
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }
}
