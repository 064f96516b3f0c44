package dev.flotilla.engine.store;

/**
 * What the store's single writer has done since the store was opened: for the benchmark and for diagnostics.
 *
 * @param transactions      committed write transactions
 * @param writeNanos        time spent inside them, from BEGIN IMMEDIATE to COMMIT
 * @param longestWriteNanos the longest of them since the store opened or {@link Store#resetLongestWrite()}
 * @param busyErrors        writes that failed with SQLITE_BUSY ("database is locked")
 * @param rows              rows inserted, updated or deleted (SQLite's {@code total_changes()}, which also counts
 *                          those of a transaction later rolled back)
 */
public record WriteStats(long transactions, long writeNanos, long longestWriteNanos, long busyErrors, long rows) {

    /** What happened after {@code earlier}; the longest write is this one's (it is not a sum). */
    public WriteStats since(WriteStats earlier) {
        return new WriteStats(transactions - earlier.transactions, writeNanos - earlier.writeNanos, longestWriteNanos,
                busyErrors - earlier.busyErrors, rows - earlier.rows);
    }

    /** Rows written per second spent in committed transactions. */
    public double rowsPerWriteSecond() {
        return writeNanos == 0 ? 0 : rows / (writeNanos / 1e9);
    }

    /** The running counts, kept under the store's write lock. */
    static final class Counter {
        private long transactions;
        private long writeNanos;
        private long longestWriteNanos;
        private long busyErrors;

        void committed(long nanos) {
            transactions++;
            writeNanos += nanos;
            longestWriteNanos = Math.max(longestWriteNanos, nanos);
        }

        void busy() {
            busyErrors++;
        }

        void resetLongest() {
            longestWriteNanos = 0;
        }

        WriteStats snapshot(long rows) {
            return new WriteStats(transactions, writeNanos, longestWriteNanos, busyErrors, rows);
        }
    }
}
