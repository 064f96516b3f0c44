package dev.flotilla.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

/**
 * The single writer: one transaction at a time on the writer connection (BEGIN IMMEDIATE on SQLite; on PostgreSQL the
 * connection's own, begun by its first statement), all of it committed or none of it, the database's failures told
 * apart (the environment's: a full disk, a locked or read-only file, a lost server; or a bug), and what it has done
 * counted.
 */
final class Writer {

    /** SQLite result codes that say the environment, not the program, is at fault. */
    private static final Set<Integer> ENVIRONMENT = Set.of(3, 5, 6, 8, 10, 13, 14);
    private static final int BUSY = 5;
    /**
     * PostgreSQL SQLSTATE classes that say the environment is at fault: a lost connection, no resources (a full disk),
     * an operator's shutdown, a system or I/O error; and a transaction the server rolled back for another's sake.
     */
    private static final Set<String> PG_ENVIRONMENT = Set.of("08", "53", "57", "58", "40");

    /** The SQLSTATE of a node's write of a bot it holds no lease of (db/postgresql/V10__lease_fencing.sql). */
    private static final String LEASE_LOST = "FL001";

    private final Database db;
    /** The writer connection itself: whoever writes on it holds this lock. */
    private final Object lock;
    private final WriteStats.Counter counter = new WriteStats.Counter();  // under lock
    /** Inside {@link #inOneTransaction}: each write is a savepoint of that one transaction. Under lock. */
    private boolean batch;

    Writer(Database db) {
        this.db = db;
        this.lock = db.writeLock();
    }

    <T> T inTransaction(Function<Tx, T> work) {
        synchronized (lock) {
            if (batch) return inSavepoint(work);
            long start = System.nanoTime();
            Connection c = db.writerConnection();
            begin();
            try {
                T result = work.apply(new Tx(db.writeContext(), db.preparedWrites()));
                commit(c);
                counter.committed(System.nanoTime() - start);
                return result;
            } catch (SQLException e) {
                rollback(c);
                throw translate(e, e);
            } catch (org.jooq.exception.DataAccessException e) {
                rollback(c);
                throw translate(e.getCause(), e);
            } catch (RuntimeException e) {
                rollback(c);
                throw e;
            }
        }
    }

    /**
     * Runs {@code work} (which writes through {@link #inTransaction}) as one transaction: each of its writes is a
     * savepoint, undone alone if it fails, and all are committed at the end or, if {@code work} throws, none. Only
     * for a scratch store: a write inside is not durable when it returns.
     */
    void inOneTransaction(Runnable work) {
        synchronized (lock) {
            if (batch) {
                work.run();
                return;
            }
            long start = System.nanoTime();
            Connection c = db.writerConnection();
            begin();
            batch = true;
            try {
                work.run();
                batch = false;
                try {
                    commit(c);
                } catch (SQLException e) {
                    throw translate(e, e);
                }
                counter.committed(System.nanoTime() - start);
            } catch (RuntimeException e) {
                batch = false;
                rollback(c);
                throw e;
            }
        }
    }

    private <T> T inSavepoint(Function<Tx, T> work) {
        Connection c = db.writerConnection();
        execute("SAVEPOINT w");
        try {
            T result = work.apply(new Tx(db.writeContext(), db.preparedWrites()));
            execute("RELEASE w");
            return result;
        } catch (org.jooq.exception.DataAccessException e) {
            undo(c);
            throw translate(e.getCause(), e);
        } catch (RuntimeException e) {
            undo(c);
            throw e;
        }
    }

    /** SQLite's writer takes the write lock at once; PostgreSQL's connection (no autocommit) begins by itself. */
    private void begin() {
        if (db.sqlite()) execute("BEGIN IMMEDIATE");
    }

    private void commit(Connection c) throws SQLException {
        if (db.sqlite()) db.preparedWrites().control("COMMIT");
        else c.commit();
    }

    /** A statement of fixed text on the writer connection, kept compiled: these run for every write. */
    private void execute(String sql) {
        try {
            db.preparedWrites().control(sql);
        } catch (SQLException e) {
            throw translate(e, e);
        }
    }

    private static void undo(Connection c) {
        try (var st = c.createStatement()) {
            st.execute("ROLLBACK TO w");
            st.execute("RELEASE w");
        } catch (SQLException ignored) {
            // the whole transaction is gone; the batch's end rolls back what is left
        }
    }

    WriteStats stats() {
        synchronized (lock) {
            if (!db.sqlite()) return counter.snapshot(db.rowsChanged());
            try (var st = db.writerConnection().createStatement(); var rs = st.executeQuery("SELECT total_changes()")) {
                return counter.snapshot(rs.next() ? rs.getLong(1) : 0);
            } catch (SQLException e) {
                throw translate(e, e);
            }
        }
    }

    void resetLongestWrite() {
        synchronized (lock) {
            counter.resetLongest();
        }
    }

    /** Closes the database once no write is in progress. */
    void close() {
        synchronized (lock) {
            db.close();
        }
    }

    private RuntimeException translate(Throwable sqlCause, Exception e) {
        String what = db.scrub("cannot write to " + db.where() + ": " + (sqlCause == null ? e.getMessage() : sqlCause.getMessage()));
        if (sqlCause instanceof org.sqlite.SQLiteException se) {
            int code = se.getResultCode().code & 0xff;
            if (code == BUSY) counter.busy();
            if (ENVIRONMENT.contains(code)) return new StoreUnavailableException(what, e);
        }
        if (sqlCause instanceof SQLException se && !db.sqlite()) {
            String state = se.getSQLState();
            if (PostgresServer.lostConnection(state)) {
                // the server connection is gone: this write is refused (nobody knows whether a lost commit landed, so
                // it is never replayed here) and the next one goes through a new connection, if the server answers
                db.reconnectWriter();
                return new StoreUnavailableException(what, e);
            }
            if (state != null && state.length() >= 2 && PG_ENVIRONMENT.contains(state.substring(0, 2))) {
                return new StoreUnavailableException(what, e);
            }
            if (LEASE_LOST.equals(state)) return new LeaseStore.LeaseLostException(what, e);
        }
        return new StoreException(what, e);
    }

    private void rollback(Connection c) {
        try {
            if (!db.sqlite()) {
                c.rollback();
                return;
            }
            try (var st = c.createStatement()) {
                st.execute("ROLLBACK");
            }
        } catch (SQLException ignored) {
            // the transaction is already gone (SQLite rolls back by itself on some errors; a lost server with it)
        }
    }
}
