/**
 * Builds and runs the engine: one thread moves engine time from event to event, ticks feeds, marks positions and commits before it publishes. Operator commands are queued onto that thread.
 */
package dev.flotilla.engine.kernel;
