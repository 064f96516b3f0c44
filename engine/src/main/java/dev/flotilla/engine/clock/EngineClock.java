package dev.flotilla.engine.clock;



/**
 * The one source of time for the engine (epoch milliseconds). Simulated runs advance it themselves; real-time
 * runs follow the wall clock. Logic never reads the system clock directly.
 */
public interface EngineClock {
    long now();
}
