package dev.flotilla.engine.node;

import dev.flotilla.engine.store.LeaseStore;
import dev.flotilla.engine.store.LeaseStore.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases a node holds, kept by its heartbeats: each beat extends them, learns which were lost, and takes free or
 * lapsed bots up to the node's limit, remembering who held each before (its engine time is where the bot stands).
 * Called from the heartbeat thread and the node's control thread; one at a time.
 */
final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    /** What changed since the control thread last looked: bots lost, and bots taken with their last holder (or null). */
    record Change(Set<String> lost, Map<String, String> taken) {
        boolean none() {
            return lost.isEmpty() && taken.isEmpty();
        }

        /** This change followed by {@code next}. */
        Change then(Change next) {
            Set<String> l = new TreeSet<>(lost);
            l.removeAll(next.taken.keySet());
            l.addAll(next.lost);
            Map<String, String> t = new HashMap<>(taken);
            next.lost.forEach(t::remove);
            t.putAll(next.taken);
            return new Change(Set.copyOf(l), java.util.Collections.unmodifiableMap(t));
        }
    }

    private final LeaseStore store;
    private final String node;
    private final Duration ttl;
    private final int max;
    private final Map<String, Lease> held = new TreeMap<>();
    private final Set<String> lost = new TreeSet<>();
    private final Map<String, String> taken = new HashMap<>();
    private boolean taking = true;

    Leases(LeaseStore store, String node, Duration ttl, int max) {
        this.store = store;
        this.node = node;
        this.ttl = ttl;
        this.max = max;
    }

    /** One heartbeat: the leases held extended (those lost noted), then free bots taken. True when something changed. */
    synchronized boolean beat() {
        try {
            Set<String> kept = new HashSet<>();
            for (Lease l : store.heartbeat(node, List.copyOf(held.values()), ttl)) {
                held.put(l.botId(), l);
                kept.add(l.botId());
            }
            boolean changed = false;
            for (String id : List.copyOf(held.keySet())) {
                if (kept.contains(id)) continue;
                held.remove(id);
                lost.add(id);
                taken.remove(id);
                changed = true;
                log.warn("node {}: the lease of bot {} was lost; the bot stops on this node", node, id);
            }
            if (taking && held.size() < max) changed |= take();
            return changed;
        } catch (RuntimeException e) {
            // the database cannot be reached: the leases lapse if this lasts, and the next beat that gets through says so
            log.warn("node {}: heartbeat failed: {}", node, e.getMessage());
            return false;
        }
    }

    private boolean take() {
        Map<String, String> before = new HashMap<>();
        for (Lease l : store.leases()) before.put(l.botId(), l.node());
        List<Lease> got = store.take(node, max - held.size(), ttl);
        for (Lease l : got) {
            held.put(l.botId(), l);
            lost.remove(l.botId());
            taken.put(l.botId(), before.get(l.botId()));
        }
        if (!got.isEmpty()) log.info("node {}: took {} bot(s): {}", node, got.size(), got.stream().map(Lease::botId).toList());
        return !got.isEmpty();
    }

    /**
     * Gives back the leases still held and takes them again under new fencing numbers: after a new writer session
     * (a lost connection, decision 0033) the database no longer knows the ones this node took them with, and refuses
     * every write until then. Another node may take some of them meanwhile; they count as lost.
     */
    synchronized void renew() {
        List<Lease> mine = List.copyOf(held.values());
        for (Lease l : mine) {
            try {
                store.release(node, l);
            } catch (RuntimeException e) {
                log.warn("node {}: could not give bot {} back ({})", node, l.botId(), e.getMessage());
            }
        }
        held.clear();
        lost.addAll(mine.stream().map(Lease::botId).toList());
        try {
            if (taking) take();
        } catch (RuntimeException e) {
            log.warn("node {}: taking its bots again failed: {}", node, e.getMessage());
        }
        log.warn("node {}: its leases taken again under new fences ({} of {})", node, held.size(), mine.size());
    }

    /** What changed since the last call, and forgets it. */
    synchronized Change drain() {
        Change c = new Change(Set.copyOf(lost), java.util.Collections.unmodifiableMap(new HashMap<>(taken)));
        lost.clear();
        taken.clear();
        return c;
    }

    synchronized Set<String> heldIds() {
        return Set.copyOf(held.keySet());
    }

    /** No more bots taken from now on (the node is stopping). */
    synchronized void stopTaking() {
        taking = false;
    }

    /** Gives every lease back (a clean stop): other nodes may take the bots at once. */
    synchronized void releaseAll() {
        for (Lease l : held.values()) {
            try {
                store.release(node, l);
            } catch (RuntimeException e) {
                log.warn("node {}: could not give bot {} back ({}); its lease lapses by itself", node, l.botId(), e.getMessage());
            }
        }
        held.clear();
    }
}
