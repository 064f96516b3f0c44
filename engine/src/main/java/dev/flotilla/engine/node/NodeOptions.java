package dev.flotilla.engine.node;

import dev.flotilla.engine.config.EngineConfig;
import java.time.Duration;

/**
 * How an engine node runs.
 *
 * @param name       the node's name in the lease table (and its fencing session)
 * @param ttl        how long a lease lasts after a heartbeat (20 s by default)
 * @param beat       how often the node heartbeats its leases and looks for free bots (5 s by default)
 * @param maxBots    the most bots this node holds at once
 * @param config     the engine's configuration (speed and the rest)
 * @param mode       the mode the engine shows (e.g. "SANDBOX x60 node-a")
 * @param freshStart the engine time a fleet that has never run starts at
 * @param until      engine time the node's bots run to (exclusive), or null to run until stopped
 */
public record NodeOptions(String name, Duration ttl, Duration beat, int maxBots, EngineConfig config, String mode,
                          long freshStart, Long until) {

    public static final Duration TTL = Duration.ofSeconds(20);
    public static final Duration BEAT = Duration.ofSeconds(5);

    public NodeOptions {
        if (beat.compareTo(ttl) >= 0) throw new IllegalArgumentException("the heartbeat (" + beat + ") must come well within the lease's ttl (" + ttl + ")");
        if (maxBots < 1) throw new IllegalArgumentException("a node holds at least one bot, got " + maxBots);
    }

    /** The product's defaults: heartbeats every 5 s, leases of 20 s, as many bots as there are. */
    public static NodeOptions of(String name, EngineConfig config, String mode, long freshStart, Long until) {
        return new NodeOptions(name, TTL, BEAT, Integer.MAX_VALUE, config, mode, freshStart, until);
    }

    public NodeOptions withLeases(Duration ttl, Duration beat) {
        return new NodeOptions(name, ttl, beat, maxBots, config, mode, freshStart, until);
    }

    public NodeOptions withMaxBots(int max) {
        return new NodeOptions(name, ttl, beat, max, config, mode, freshStart, until);
    }
}
