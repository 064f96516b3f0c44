package dev.flotilla.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertReturningStep;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * The writes every tick and every order makes, kept prepared on the writer connection. jOOQ renders a query and
 * SQLite compiles it anew on every execute, which cost more than running it (a benchmark of the fleet found two
 * thirds of each write's time there); here jOOQ renders each shape once, from the generated tables as anywhere else,
 * and later writes of that shape only bind their values (PostgreSQL's driver then prepares them on the server too).
 * Used under the store's write lock only.
 */
final class PreparedWrites implements AutoCloseable {

    private final Connection writer;
    private final DSLContext ctx;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final boolean sqlite;
    /** Rows changed by the writes of this writer: what SQLite's total_changes() tells, counted for a server. */
    private long rows;

    /** @param ctx renders the statements in the writer's dialect (it needs no connection) */
    PreparedWrites(Connection writer, DSLContext ctx) {
        this.writer = writer;
        this.ctx = ctx;
        this.sqlite = ctx.dialect() == org.jooq.SQLDialect.SQLITE;
        if (!sqlite) return;
        // the driver would otherwise run a fresh "SELECT last_insert_rowid()" after every INSERT it executes, compiled
        // anew each time (a tenth of a backtest's engine time); the one write that needs its row id asks for it below
        try {
            writer.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().setGetGeneratedKeys(false);
        } catch (SQLException e) {
            throw new IllegalStateException("the writer connection is not SQLite's", e);
        }
    }

    /** Counts rows another write on the writer connection changed (a jOOQ query run directly). */
    void counted(int changed) {
        if (changed > 0) rows += changed;
    }

    long rowsChanged() {
        return rows;
    }

    /**
     * As {@link #execute}, for an INSERT of one row: returns the id the database gave it (SQLite's row id; on a server,
     * the {@code id} column the insert returns).
     */
    long insertForId(String name, Supplier<? extends InsertReturningStep<?>> shape, Field<Long> id, Object... values) {
        if (!sqlite) return insertReturning(name, () -> shape.get().returning(id), values);
        if (execute(name, shape::get, values) != 1) throw new IllegalStateException("prepared write " + name + " inserted no row");
        PreparedStatement st = statement("SELECT last_insert_rowid()");
        try (var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            forget("SELECT last_insert_rowid()", st);
            throw new DataAccessException("SQL [last_insert_rowid]; " + e.getMessage(), e);
        }
    }

    private long insertReturning(String name, Supplier<Query> shape, Object... values) {
        PreparedStatement st = prepare(name, shape, values);
        try {
            for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
            try (var rs = st.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("prepared write " + name + " inserted no row");
                rows++;
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            forget(name, st);
            throw new DataAccessException("SQL [" + name + "]; " + e.getMessage(), e);
        }
    }

    /**
     * Runs a statement of fixed text without values (BEGIN IMMEDIATE, SAVEPOINT, RELEASE, COMMIT), compiled once.
     *
     * @throws SQLException as the driver reports it; the statement is prepared again next time
     */
    void control(String sql) throws SQLException {
        PreparedStatement st = statement(sql);
        try {
            st.execute();
        } catch (SQLException e) {
            forget(sql, st);
            throw e;
        }
    }

    private PreparedStatement statement(String sql) {
        PreparedStatement st = statements.get(sql);
        try {
            if (st == null || st.isClosed()) {
                st = writer.prepareStatement(sql);
                statements.put(sql, st);
            }
            return st;
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        }
    }

    private void forget(String key, PreparedStatement st) {
        statements.remove(key);
        close(st);
    }

    /**
     * Runs the statement called {@code name} with {@code values} bound in order; the first time, {@code shape}
     * builds it with these same values, and the values jOOQ would bind must be exactly these.
     *
     * @return the number of rows changed
     */
    int execute(String name, Supplier<Query> shape, Object... values) {
        PreparedStatement st = prepare(name, shape, values);
        try {
            for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
            int n = st.executeUpdate();
            if (n > 0) rows += n;
            return n;
        } catch (SQLException e) {
            // the driver lets go of a statement that failed (a full disk, say): the next write prepares it again
            statements.remove(name);
            close(st);
            // as jOOQ reports it, so the store tells a full disk or a busy file from a bug the same way
            throw new DataAccessException("SQL [" + name + "]; " + e.getMessage(), e);
        }
    }

    /**
     * Runs the statement called {@code name} once for each of {@code rows}, as one JDBC batch; {@code shape} builds it
     * the first time with the first row's values (as {@link #execute}).
     */
    void batch(String name, Supplier<Query> shape, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        PreparedStatement st = prepare(name, shape, rows.getFirst());
        try {
            for (Object[] values : rows) {
                for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
                st.addBatch();
            }
            for (int n : st.executeBatch()) if (n > 0) this.rows += n;
        } catch (SQLException e) {
            statements.remove(name);
            close(st);
            throw new DataAccessException("SQL [" + name + "]; " + e.getMessage(), e);
        }
    }

    /** The statement called {@code name}, built by {@code shape} the first time; it must bind exactly {@code values}. */
    private PreparedStatement prepare(String name, Supplier<Query> shape, Object... values) {
        PreparedStatement st = statements.get(name);
        try {
            if (st == null || st.isClosed()) {
                Query q = shape.get();
                List<Object> bound = q.getBindValues();
                if (!bound.equals(java.util.Arrays.asList(values))) {
                    throw new IllegalStateException("prepared write " + name + " binds " + bound + ", not " + java.util.Arrays.asList(values));
                }
                st = writer.prepareStatement(ctx.render(q));
                statements.put(name, st);
            }
            return st;
        } catch (SQLException e) {
            statements.remove(name);
            throw new DataAccessException("SQL [" + name + "]; " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        statements.values().forEach(PreparedWrites::close);
        statements.clear();
    }

    private static void close(PreparedStatement st) {
        if (st == null) return;
        try {
            st.close();
        } catch (SQLException ignored) {
            // nothing more can go wrong with a statement that is gone
        }
    }
}
