/**
 * A bot at run time, the shared candle window of a feed, and the fleet file. Only the engine thread changes a bot, after the store has accepted the change.
 */
package dev.flotilla.engine.fleet;
