/**
 * The engine thread: it moves engine time from event to event, runs each feed's candle close and the price loop through the one pipeline (review, send, commit, settle), and commits before it publishes. Operator commands are queued onto it.
 */
package dev.flotilla.engine.loop;
