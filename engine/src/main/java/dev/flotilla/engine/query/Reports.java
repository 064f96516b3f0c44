package dev.flotilla.engine.query;

import dev.flotilla.engine.api.Period;
import dev.flotilla.engine.api.PerformanceReport;
import dev.flotilla.engine.api.ReportsApi;
import dev.flotilla.engine.api.Table;
import dev.flotilla.engine.store.ReportReads;
import dev.flotilla.engine.store.Store;
import java.util.function.LongSupplier;

/**
 * Performance views and exports over a store: the running engine's (whose present is its clock's) or a data folder's
 * opened by the command line (whose present is the last instant its books hold). Safe on any thread.
 */
public final class Reports implements ReportsApi {

    private final ReportReads reads;
    private final PerformanceQuery performance;
    private final Exports exports;
    private final LongSupplier now;

    /** @param now the engine's present */
    public Reports(Store store, LongSupplier now) {
        this.reads = new ReportReads(store);
        this.performance = new PerformanceQuery(reads);
        this.exports = new Exports(reads);
        this.now = now;
    }

    /** Over a data folder's books at rest: its present is the last instant they hold (or the wall clock's, if none). */
    public static Reports atRest(Store store) {
        ReportReads reads = new ReportReads(store);
        return new Reports(store, () -> {
            long[] span = reads.span();
            return span == null ? System.currentTimeMillis() : span[1];
        });
    }

    @Override
    public PerformanceReport performance(Period period) {
        return performance.report(period, now.getAsLong());
    }

    @Override
    public Table export(Export what, Period period) {
        long at = now.getAsLong();
        long[] span = reads.span();
        Period.Range range = period.range(at, span == null ? at : span[0]);
        return exports.table(what, range.from(), range.to(), () -> performance.report(period, at));
    }

    @Override
    public String text(PerformanceReport report, PerformanceReport.By by) {
        return ReportText.text(report, by);
    }

    @Override
    public String markdown(PerformanceReport report, PerformanceReport.By by) {
        return ReportText.markdown(report, by);
    }
}
