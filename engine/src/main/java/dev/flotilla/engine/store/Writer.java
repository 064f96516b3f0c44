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
    /** Inside {@link #inOneTransaction}: each write is part of the scratch store's open transaction. Under lock. */
    private boolean batch;
    /** A scratch store's transaction is open, across instants (see {@link #inOneTransaction}). Under lock. */
    private boolean open;
    /** When the open transaction began, and the instants it holds. Under lock. */
    private long openedAt;
    private int instants;
    /** A write of the current instant failed (its exception may have been caught): the instant cannot commit. */
    private boolean failed;
    /** The open transaction's last-value upserts, written before it commits and before any read. Under lock. */
    private final Pending pending = new Pending(false);
    /** A server's transaction's held writes, sent as batches before it commits (decision 0036). Under lock. */
    private final Pending serverRows = new Pending(true);
    /** Instants a scratch store's transaction holds at most before it commits, so its undo journal stays small. */
    static final int INSTANTS_PER_COMMIT = 1_024;

    Writer(Database db) {
        this.db = db;
        this.lock = db.writeLock();
    }

    <T> T inTransaction(Function<Tx, T> work) {
        synchronized (lock) {
            if (batch) return inBatch(work);
            commitOpen();  // a write between instants is a transaction of its own, as on a file
            long start = System.nanoTime();
            Connection c = db.writerConnection();
            begin();
            Pending held = db.sqlite() ? null : serverRows;
            try {
                T result = work.apply(new Tx(db.writeContext(), db.preparedWrites(), held));
                if (held != null) held.writeTo(new Tx(db.writeContext(), db.preparedWrites()));
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
            } finally {
                if (held != null) held.clear();
            }
        }
    }

    /**
     * Runs {@code work} (which writes through {@link #inTransaction}) as part of one open transaction that goes on
     * across instants and commits every {@link #INSTANTS_PER_COMMIT} instants, before any write outside an instant,
     * and at the end. If {@code work} throws, or any of its writes failed (even one whose exception was caught), the
     * open transaction is rolled back, earlier instants with it, and the failure is thrown: a scratch store's failure
     * ends its run, which nothing resumes (decision 0030). Only for a scratch store: a write inside is not durable when
     * it returns, and its reader sees what is not yet committed (shared cache, read_uncommitted).
     */
    void inOneTransaction(Runnable work) {
        synchronized (lock) {
            if (batch) {
                work.run();
                return;
            }
            if (!open) {
                begin();
                open = true;
                openedAt = System.nanoTime();
                instants = 0;
            }
            batch = true;
            failed = false;
            try {
                work.run();
                batch = false;
                if (failed) throw new StoreException("a write of the scratch store failed; its run cannot go on");
                if (++instants >= INSTANTS_PER_COMMIT) commitOpen();
            } catch (RuntimeException e) {
                batch = false;
                open = false;
                pending.clear();
                rollback(db.writerConnection());
                throw e;
            }
        }
    }

    /** Commits a scratch store's open transaction, if there is one. Under lock. */
    private void commitOpen() {
        if (!open) return;
        open = false;
        try {
            pending.writeTo(new Tx(db.writeContext(), db.preparedWrites()));
            commit(db.writerConnection());
        } catch (SQLException e) {
            rollback(db.writerConnection());
            throw translate(e, e);
        } catch (org.jooq.exception.DataAccessException e) {
            rollback(db.writerConnection());
            throw translate(e.getCause(), e);
        } catch (RuntimeException e) {
            rollback(db.writerConnection());
            throw e;
        }
        counter.committed(System.nanoTime() - openedAt);
    }

    /** Writes a scratch store's held upserts into its open transaction, so that a read sees them (its reader sees
     * what is not committed). */
    void beforeRead() {
        if (!db.inMemory()) return;  // a store on a file or a server holds nothing back, and its reads never wait here
        synchronized (lock) {
            if (!open || pending.isEmpty()) return;
            try {
                pending.writeTo(new Tx(db.writeContext(), db.preparedWrites()));
            } catch (RuntimeException e) {
                failed = true;  // inside an instant: it fails; between instants: the open transaction is gone
                if (!batch) {
                    open = false;
                    pending.clear();
                    rollback(db.writerConnection());
                }
                throw e instanceof org.jooq.exception.DataAccessException d ? translate(d.getCause(), d) : e;
            }
        }
    }

    /** A write inside an instant: no savepoint of its own, since a failure fails the whole open transaction. */
    private <T> T inBatch(Function<Tx, T> work) {
        try {
            return work.apply(new Tx(db.writeContext(), db.preparedWrites(), pending));
        } catch (org.jooq.exception.DataAccessException e) {
            failed = true;
            throw translate(e.getCause(), e);
        } catch (RuntimeException e) {
            failed = true;
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

    WriteStats stats() {
        synchronized (lock) {
            commitOpen();
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
            if (open) {
                open = false;
                pending.clear();
                rollback(db.writerConnection());  // a scratch store's rows go with it
            }
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
