package dev.flotilla.engine.node;

import dev.flotilla.engine.config.EngineSettings;
import dev.flotilla.engine.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each bot of a node stands in engine time, and the order in which they are brought together (decision 0034).
 * A bot is where the node that ran it last stopped committing: that node's own engine time. Bots that stand at
 * different times are merged from the earliest: the bots at the earliest time run alone up to the next time, then
 * with those, and so on, so no bot ever goes back over instants it has already lived (a stop checked twice at
 * one price), and none skips one (a close never decided).
 */
final class TimeLine {

    /** Bots standing at one engine time. */
    record Group(long time, Set<String> bots) {
    }

    private TimeLine() {
    }

    /** The engine time a node reached, or null when it never committed one. */
    static Long nodeTime(Map<String, String> settings, String node) {
        String v = settings.get(EngineSettings.nodeTime(node));
        return v == null ? null : Long.parseLong(v);
    }

    /**
     * Where the fleet stood before any node ran it: the time of the one engine that ran it before (an app's), or its
     * first start, or {@code freshStart} for a fleet that never ran.
     */
    static long fleetTime(Map<String, String> settings, long freshStart) {
        String t = settings.get(EngineSettings.ENGINE_TIME);
        if (t != null) return Long.parseLong(t);
        String s = settings.get(EngineSettings.ENGINE_START);
        return s == null ? freshStart : Long.parseLong(s);
    }

    /**
     * The groups to merge, earliest first: the bots this node already runs (at its own time) and those it adopted, by
     * the time their last holder reached (the fleet's time for a bot no node has run yet).
     *
     * @param running  the bots the node's engine ran until now (at the node's own time)
     * @param adopted  bots just taken, each with its last holder or null
     */
    static List<Group> groups(Store store, String node, Set<String> running, Map<String, String> adopted, long freshStart) {
        Map<String, String> settings = store.settings();
        Map<Long, Set<String>> at = new TreeMap<>();
        if (!running.isEmpty()) {
            Long own = nodeTime(settings, node);
            at.computeIfAbsent(own == null ? fleetTime(settings, freshStart) : own, t -> new HashSet<>()).addAll(running);
        }
        Set<String> neverRun = new HashSet<>();
        adopted.forEach((bot, holder) -> {
            Long t = holder == null ? null : nodeTime(settings, holder);
            if (t == null) neverRun.add(bot);
            else at.computeIfAbsent(t, k -> new HashSet<>()).add(bot);
        });
        // a bot no node ran has no past to catch up: it joins where the others stand (or where the fleet stood)
        if (!neverRun.isEmpty()) {
            long t = at.isEmpty() ? fleetTime(settings, freshStart) : ((TreeMap<Long, Set<String>>) at).lastKey();
            at.computeIfAbsent(t, k -> new HashSet<>()).addAll(neverRun);
        }
        List<Group> out = new ArrayList<>();
        at.forEach((t, bots) -> out.add(new Group(t, Set.copyOf(bots))));
        out.sort(Comparator.comparingLong(Group::time));
        return out;
    }
}
