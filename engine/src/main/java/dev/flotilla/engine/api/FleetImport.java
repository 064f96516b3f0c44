package dev.flotilla.engine.api;

import java.util.concurrent.CompletableFuture;

/**
 * Applying a fleet file to the running fleet (console: File > Import fleet file…; command line: flotilla fleet apply).
 * Both steps run on the engine's thread. A file that breaks any rule (its own, or one of the engine's: an unknown
 * strategy, a parameter out of range, a bot that holds a position and would change its symbol or be removed) is
 * refused as a whole with a {@link FleetRefusedException}, and nothing changes.
 */
public interface FleetImport {

    /** What the fleet file (its JSON text) would add, change and remove; nothing is changed. */
    CompletableFuture<FleetPlan> plan(String fleetJson);

    /**
     * Applies the fleet file in one step of the engine, so that nothing trades in between: the plan is made again and
     * checked again first. New bots start running, as the bots of a fleet file do at a first start; changed bots keep
     * their books, state and position; removed bots keep their history. Completes with the plan applied.
     *
     * @param previewed the {@link FleetPlan#fingerprint()} of the plan the operator saw, or null to apply what the file
     *                  does now; when the fleet has moved since, so that the plan differs, it is refused
     */
    CompletableFuture<FleetPlan> apply(String fleetJson, String previewed);
}
