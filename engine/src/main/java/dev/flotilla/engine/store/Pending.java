package dev.flotilla.engine.store;

import dev.flotilla.engine.model.BotState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Query;

/**
 * The upserts of a scratch store's open transaction that only their last value matters for (settings and bot states,
 * one row per key): held here and written once, before the transaction commits and before anything reads the store,
 * instead of once per instant (engine time and a bot's tick mark are written at every close). Also the rows inserted
 * at every instant that no write of the transaction reads or depends on (candles, equity snapshots, both "insert
 * unless there"): held in order and written as one batch of each shape, which costs a third of one execute a row.
 * A store on a server holds the same writes for the length of each transaction and sends them as batches just before
 * it commits: one round trip for them all instead of one each (decision 0036). Under the writer's lock.
 */
final class Pending {

    /** Whether the candles written are kept: not by a scratch store's instants (decision 0035). */
    private final boolean keepsCandles;

    /** @param keepsCandles false for a scratch store's open transaction, true for a server's transaction */
    Pending(boolean keepsCandles) {
        this.keepsCandles = keepsCandles;
    }

    boolean keepsCandles() {
        return keepsCandles;
    }

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, BotState> states = new LinkedHashMap<>();
    private final Map<String, Rows> rows = new LinkedHashMap<>();

    /** The rows of one statement shape, in the order they were written; the shape as made for the first of them. */
    private static final class Rows {
        Supplier<Query> shape;
        final List<Object[]> values = new ArrayList<>();
    }

    void setting(String key, String value) {
        settings.put(key, value);
    }

    void botState(BotState s) {
        states.put(s.botId(), s);
    }

    /** Rows of one shape written in one batch: enough to save the executes, few enough to stay in the young heap. */
    private static final int BATCH = 256;

    /**
     * A row for the prepared insert {@code name} (see {@link PreparedWrites#batch}), written through {@code prepared}
     * with the ones held before it once there are {@link #BATCH} of them.
     */
    void row(PreparedWrites prepared, String name, Supplier<Query> shape, Object... values) {
        Rows r = rows.computeIfAbsent(name, n -> new Rows());
        if (r.values.isEmpty()) r.shape = shape;
        r.values.add(values);
        if (r.values.size() >= BATCH) write(prepared, name, r);
    }

    private static void write(PreparedWrites prepared, String name, Rows r) {
        if (r.values.isEmpty()) return;
        try {
            prepared.batch(name, r.shape, r.values);
        } finally {
            r.values.clear();
        }
    }

    /** The decimals' texts made lately, for {@link #text}. */
    private final Map<BigDecimal, String> texts = new java.util.HashMap<>();

    /** {@link Num#str}, remembered: a flat bot's equity and cash are the same at every snapshot. */
    String text(BigDecimal v) {
        if (v == null) return null;
        String t = texts.get(v);
        if (t != null) return t;
        if (texts.size() >= 4_096) texts.clear();
        t = Num.str(v);
        texts.put(v, t);
        return t;
    }

    boolean isEmpty() {
        return settings.isEmpty() && states.isEmpty() && rows.values().stream().allMatch(r -> r.values.isEmpty());
    }

    /** Writes what is held through {@code tx} (one that writes at once), each shape as batches, and forgets it. */
    void writeTo(Tx tx) {
        try {
            settings.forEach((key, value) -> tx.settingRow(this, key, value));
            states.values().forEach(s -> tx.botStateRow(this, s));
            settings.clear();
            states.clear();
            rows.forEach((name, r) -> write(tx.prepared(), name, r));
        } finally {
            clear();
        }
    }

    void clear() {
        settings.clear();
        states.clear();
        rows.clear();
    }
}
