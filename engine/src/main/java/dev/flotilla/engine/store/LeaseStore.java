package dev.flotilla.engine.store;

import static dev.flotilla.engine.store.jooq.Tables.BOTS;
import static dev.flotilla.engine.store.jooq.Tables.BOT_LEASES;

import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Bot leases (decision 0029): a node takes free or lapsed bots, keeps them with heartbeats, and every write of a bot
 * proves in its own transaction that the node still holds it with the same fencing number. On a node's store
 * ({@link Database#openNode}) the database itself makes that check at every write of a bot's books, whatever code
 * writes it (decision 0032); {@link #fence} is the same check made by hand. All times are the database's, so the
 * nodes' clocks do not matter.
 */
public final class LeaseStore {

    /**
     * A bot held by a node until {@code expiresAt} (database time, epoch ms) under fencing number {@code fence}; once
     * expired the bot is free and {@code node} is its last holder (null if it never had one).
     */
    public record Lease(String botId, String node, long fence, long expiresAt) {
    }

    /** A write of a bot whose lease this node no longer holds: refused, nothing of it committed. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String message) {
            super(message);
        }

        LeaseLostException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Store store;

    public LeaseStore(Store store) {
        this.store = store;
    }

    /** The database's clock, epoch ms. */
    static Field<Long> now(SQLDialect dialect) {
        return dialect == SQLDialect.POSTGRES
                ? DSL.field("(extract(epoch from clock_timestamp()) * 1000)::bigint", Long.class)
                : DSL.field("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)", Long.class);
    }

    /** Gives every bot of the fleet that has no lease row a free one. */
    public void register() {
        store.write(tx -> tx.dsl().insertInto(BOT_LEASES, BOT_LEASES.BOT_ID)
                .select(DSL.select(BOTS.ID).from(BOTS).where(BOTS.REMOVED.eq(0L)))
                .onConflictDoNothing().execute());
    }

    /**
     * Takes up to {@code max} bots that are free or whose holding lapsed, for {@code ttl}; each gets the next fencing
     * number. Bots are taken a whole feed at a time (all the free bots of a symbol and timeframe; only a feed with
     * more free bots than {@code max} is split), so that each feed is fetched by one node of the cluster: one request
     * per feed per close. Nodes taking at once skip the rows another is taking (SKIP LOCKED) instead of waiting for them;
     * such a race may split a feed, which is then fetched by both nodes, never traded twice.
     */
    public List<Lease> take(String node, int max, Duration ttl) {
        if (max <= 0) return List.of();
        return store.writeAndGet(tx -> {
            DSLContext db = tx.dsl();
            long now = db.select(now(db.dialect())).fetchOne().value1();
            var free = db.select(BOT_LEASES.BOT_ID, BOTS.SYMBOL, BOTS.TIMEFRAME).from(BOT_LEASES)
                    .join(BOTS).on(BOTS.ID.eq(BOT_LEASES.BOT_ID)).where(BOT_LEASES.EXPIRES_AT.le(now))
                    .orderBy(BOTS.SYMBOL, BOTS.TIMEFRAME, BOT_LEASES.BOT_ID);
            // SQLite has one writer and no row locks: its BEGIN IMMEDIATE already keeps other takers out
            var rows = db.dialect() == SQLDialect.POSTGRES ? free.forUpdate().of(BOT_LEASES).skipLocked().fetch() : free.fetch();
            List<String> chosen = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); ) {
                int j = i;
                while (j < rows.size() && rows.get(j).value2().equals(rows.get(i).value2())
                        && rows.get(j).value3().equals(rows.get(i).value3())) j++;
                if (!chosen.isEmpty() && chosen.size() + (j - i) > max) break;
                for (int k = i; k < j && chosen.size() < max; k++) chosen.add(rows.get(k).value1());
                if (chosen.size() >= max) break;
                i = j;
            }
            if (chosen.isEmpty()) return List.of();
            List<Lease> taken = db.update(BOT_LEASES).set(BOT_LEASES.NODE, node).set(BOT_LEASES.FENCE, BOT_LEASES.FENCE.plus(1L))
                    .set(BOT_LEASES.EXPIRES_AT, now + ttl.toMillis())
                    .where(BOT_LEASES.BOT_ID.in(chosen)).and(BOT_LEASES.EXPIRES_AT.le(now))
                    .returning(BOT_LEASES.BOT_ID, BOT_LEASES.NODE, BOT_LEASES.FENCE, BOT_LEASES.EXPIRES_AT)
                    .fetch(r -> new Lease(r.getBotId(), r.getNode(), r.getFence(), r.getExpiresAt()))
                    .stream().sorted(java.util.Comparator.comparing(Lease::botId)).toList();
            if (fenced(node)) {
                for (Lease l : taken) {
                    db.execute("INSERT INTO pg_temp.flotilla_fences (bot_id, fence) VALUES (?, ?)"
                            + " ON CONFLICT (bot_id) DO UPDATE SET fence = EXCLUDED.fence", l.botId(), l.fence());
                }
            }
            return taken;
        });
    }

    /**
     * Extends {@code held} for another {@code ttl} where this node still holds them with the same fence; returns those
     * extended. A lease that is missing from the answer was lost: its bot must stop on this node.
     */
    public List<Lease> heartbeat(String node, List<Lease> held, Duration ttl) {
        if (held.isEmpty()) return List.of();
        return store.writeAndGet(tx -> {
            DSLContext db = tx.dsl();
            long now = db.select(now(db.dialect())).fetchOne().value1();
            var still = new java.util.ArrayList<Lease>();
            for (Lease l : held) {
                int n = db.update(BOT_LEASES).set(BOT_LEASES.EXPIRES_AT, now + ttl.toMillis())
                        .where(BOT_LEASES.BOT_ID.eq(l.botId())).and(BOT_LEASES.NODE.eq(node))
                        .and(BOT_LEASES.FENCE.eq(l.fence())).and(BOT_LEASES.EXPIRES_AT.gt(now)).execute();
                if (n == 1) still.add(new Lease(l.botId(), node, l.fence(), now + ttl.toMillis()));
                else if (fenced(node)) forget(db, l.botId());
            }
            return still;
        });
    }

    /**
     * Gives a bot back at once (a node stopping cleanly), if this node still holds it. The lease keeps the node's name
     * as its last holder (free all the same, it has expired): the node that takes the bot next brings it to its own
     * engine time from the time that node reached (decision 0034).
     */
    public void release(String node, Lease lease) {
        store.write(tx -> {
            tx.dsl().update(BOT_LEASES).set(BOT_LEASES.EXPIRES_AT, 0L)
                    .where(BOT_LEASES.BOT_ID.eq(lease.botId())).and(BOT_LEASES.NODE.eq(node))
                    .and(BOT_LEASES.FENCE.eq(lease.fence())).execute();
            if (fenced(node)) forget(tx.dsl(), lease.botId());
        });
    }

    /**
     * Whether this store's writes are fenced by the database as {@code node}'s (a store opened with
     * {@link Database#openNode}); its session then keeps the fencing number of each lease it holds.
     */
    private boolean fenced(String node) {
        String me = store.database().node();
        if (me != null && !me.equals(node)) {
            throw new IllegalArgumentException("this store is node " + me + "'s; it cannot take or keep leases for " + node);
        }
        return me != null;
    }

    private static void forget(DSLContext db, String botId) {
        db.execute("DELETE FROM pg_temp.flotilla_fences WHERE bot_id = ?", botId);
    }

    /**
     * The fencing check a write of a bot makes first, inside its own transaction: the database confirms the lease is
     * still this node's, under this fence and unexpired, and locks its row until the write commits (a hand-over waits
     * for it). Otherwise the whole transaction is refused.
     */
    public static void fence(Tx tx, Lease lease) {
        DSLContext db = tx.dsl();
        int n = db.update(BOT_LEASES).set(BOT_LEASES.EXPIRES_AT, BOT_LEASES.EXPIRES_AT)
                .where(BOT_LEASES.BOT_ID.eq(lease.botId())).and(BOT_LEASES.NODE.eq(lease.node()))
                .and(BOT_LEASES.FENCE.eq(lease.fence())).and(BOT_LEASES.EXPIRES_AT.gt(now(db.dialect()))).execute();
        if (n != 1) {
            throw new LeaseLostException("node " + lease.node() + " no longer holds bot " + lease.botId() + " (fence "
                    + lease.fence() + "): the write was refused");
        }
    }

    /** Every lease, by bot id. */
    public List<Lease> leases() {
        return store.read(ctx -> ctx.selectFrom(BOT_LEASES).orderBy(BOT_LEASES.BOT_ID)
                .fetch(r -> new Lease(r.getBotId(), r.getNode(), r.getFence(), r.getExpiresAt())));
    }
}
