package dev.flotilla.engine.config;

import java.util.Set;

/**
 * Which bots an engine runs and where it keeps its engine time. The app's engine runs the whole fleet and keeps the
 * fleet's time ({@link EngineSettings#ENGINE_TIME}); an engine node of a shared fleet (issue 17) runs only the bots it
 * holds the leases of and keeps a time of its own, so the nodes' times never overwrite each other (decision 0034).
 *
 * @param node the engine node's name, or null for the whole fleet
 * @param bots the bots the engine runs; ignored for the whole fleet
 */
public record NodeScope(String node, Set<String> bots) {

    /** The whole fleet, in one process. */
    public static final NodeScope WHOLE_FLEET = new NodeScope(null, Set.of());

    public NodeScope {
        bots = Set.copyOf(bots);
    }

    /** Engine node {@code node} running {@code bots}. */
    public static NodeScope node(String node, Set<String> bots) {
        if (node == null) throw new IllegalArgumentException("a node has a name");
        return new NodeScope(node, bots);
    }

    public boolean wholeFleet() {
        return node == null;
    }

    /** Whether the engine runs this bot. */
    public boolean runs(String botId) {
        return node == null || bots.contains(botId);
    }

    /** The setting the engine keeps its time under. */
    public String timeKey() {
        return node == null ? EngineSettings.ENGINE_TIME : EngineSettings.nodeTime(node);
    }
}
